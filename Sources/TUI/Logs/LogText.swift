/// Log text as the screen shows it: colour and cursor escapes (`ESC [ … m`) removed, which many programs write into
/// their logs; other control characters are drawn as spaces by the screen.
enum LogText {
    static func displayed(_ text: String) -> String {
        guard text.utf8.contains(0x1B) else { return text }
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar.value == 0x1B else {
                result.unicodeScalars.append(scalar)
                continue
            }
            guard let next = scalars.next(), next == "[" else { continue }
            // A CSI sequence ends with a byte in @...~.
            while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
        }
        return result
    }

    /// The pieces of `text` that fill rows of `width` columns, in order (one empty piece for empty text).
    static func rows(_ text: String, width: Int) -> [Range<String.Index>] {
        guard width > 0, !text.isEmpty else { return [text.startIndex..<text.endIndex] }
        var pieces: [Range<String.Index>] = []
        var start = text.startIndex
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let columns = DisplayWidth.of(text[index])
            if used + columns > width, used > 0 {
                pieces.append(start..<index)
                start = index
                used = 0
            }
            used += columns
            index = text.index(after: index)
        }
        pieces.append(start..<text.endIndex)
        return pieces
    }

    /// Rows `text` takes at `width` columns when wrapped.
    static func rowCount(_ text: String, width: Int) -> Int {
        guard width > 0 else { return 1 }
        var rows = 1
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width, used > 0 {
                rows += 1
                used = 0
            }
            used += columns
        }
        return rows
    }
}
