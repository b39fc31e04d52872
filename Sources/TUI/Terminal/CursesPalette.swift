import CNcurses

/// The curses colour pairs and attributes for each role of a theme (pure; the terminal
/// registers `definitions` with `init_pair`).
struct CursesPalette {
    /// A colour pair to register: its number and curses colour numbers (-1 is the default).
    struct PairDefinition: Hashable {
        var number: Int16
        var foreground: Int16
        var background: Int16
    }

    private(set) var definitions: [PairDefinition] = []
    private var pairs: [Role: Int16] = [:]
    private let theme: Theme

    /// One colour pair per distinct foreground/background combination, up to `maximumPairs`.
    ///
    /// With fewer than 8 colours or a monochrome theme every role uses pair 0.
    init(theme: Theme, colours: Int, maximumPairs: Int) {
        self.theme = theme
        guard colours >= 8, !theme.isMonochrome else { return }
        for role in Role.allCases {
            let style = theme.style(for: role)
            let foreground = style.foreground.cursesNumber(colours: colours)
            let background = style.background.cursesNumber(colours: colours)
            if foreground == -1, background == -1 { continue }
            if let existing = definitions.first(where: { $0.foreground == foreground && $0.background == background }) {
                pairs[role] = existing.number
            } else if definitions.count + 1 < maximumPairs {
                let definition = PairDefinition(
                    number: Int16(definitions.count + 1), foreground: foreground, background: background)
                definitions.append(definition)
                pairs[role] = definition.number
            }
        }
    }

    /// The colour pair a cell is drawn with.
    func pair(for style: Style) -> Int16 {
        pairs[style.role] ?? 0
    }

    /// The curses attributes a cell is drawn with.
    func attributes(for style: Style) -> attr_t {
        let attributes = theme.attributes(for: style)
        let bits: [(TextAttributes, attr_t)] = [
            (.bold, firebreak_attr_bold()), (.dim, firebreak_attr_dim()), (.reverse, firebreak_attr_reverse()),
            (.underline, firebreak_attr_underline()), (.italic, firebreak_attr_italic()),
        ]
        return bits.reduce(0) { attributes.contains($1.0) ? $0 | $1.1 : $0 }
    }
}
