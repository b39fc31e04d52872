/// One section of the panel: a heading and its lines, wrapped to the panel's width.
struct PanelSection {
    var heading: String?
    var lines: [StyledLine]
    /// Cut from the top (progress: the latest lines matter).
    var keepsLatest: Bool

    init(_ heading: String?, _ lines: [StyledLine], width: Int, keepsLatest: Bool = false) {
        self.heading = heading
        self.lines = lines.flatMap { Self.wrapped($0, width: width) }
        self.keepsLatest = keepsLatest
    }

    /// A line longer than `width` continues on indented lines, broken at spaces where it can be.
    static func wrapped(_ line: StyledLine, width: Int) -> [StyledLine] {
        guard width > 8, line.text.displayWidth > width else { return [line] }
        var rest = Substring(line.text)
        var out: [StyledLine] = []
        while !rest.isEmpty {
            let room = out.isEmpty ? width : width - 4
            var cut = rest.startIndex
            var used = 0
            var lastSpace: Substring.Index?
            while cut < rest.endIndex, used + String(rest[cut]).displayWidth <= room {
                if rest[cut] == " " { lastSpace = cut }
                used += String(rest[cut]).displayWidth
                cut = rest.index(after: cut)
            }
            if cut < rest.endIndex, let space = lastSpace, rest.distance(from: rest.startIndex, to: space) > room / 2 {
                cut = space
            }
            let piece = String(rest[..<cut])
            out.append(StyledLine((out.isEmpty ? "" : "    ") + piece, role: line.role))
            rest = rest[cut...].drop { $0 == " " }
        }
        return out
    }
}
