extension Screen {
    /// Each row as one letter per column for the attributes `theme` draws it with:
    /// `R` reverse, `B` bold, `U` underline, `D` dim, `I` italic, `.` none; a cell with
    /// several attributes shows the first in that order.
    public func attributeLines(theme: Theme) -> [String] {
        let letters: [(TextAttributes, Character)] = [
            (.reverse, "R"), (.bold, "B"), (.underline, "U"), (.dim, "D"), (.italic, "I"),
        ]
        return rows.map { row in
            String(row.map { cell in
                let attributes = theme.attributes(for: cell.style)
                return letters.first { attributes.contains($0.0) }?.1 ?? "."
            })
        }
    }
}
