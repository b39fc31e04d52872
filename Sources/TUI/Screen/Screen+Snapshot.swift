extension Screen {
    /// Each row as text; the right half of a wide character adds nothing, so columns line up
    /// when the text is shown in a terminal.
    public func textLines() -> [String] {
        rows.map { row in
            String(row.lazy.filter { !$0.isContinuation }.map(\.character))
        }
    }

    /// The screen as a snapshot: each row wrapped in `|` so trailing spaces show.
    public func snapshot() -> String {
        textLines().map { "|\($0)|" }.joined(separator: "\n") + "\n"
    }
}
