/// The document laid out once for every text format: Markdown and HTML render the same blocks.
enum Block {
    case heading(level: Int, text: String)
    case paragraph(String)
    /// A section the engineer must write: the prompt and the `coe edit` section name.
    case prompt(section: String, text: String)
    /// What the engineer wrote (kept as typed, lines and all).
    case written(String)
    case list([String])
    case checklist([(isOK: Bool, text: String)])
    case table(header: [String], rows: [[String]])
    case chart(Chart, sparklines: [String])
    case code([String])

}
