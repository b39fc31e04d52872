extension Screen {
    /// Each row as one digit per column for the attributes `theme` draws it with: the sum of
    /// bold 1, dim 2, reverse 4, underline 8 and italic 16, in base 32 (`.` for none);
    /// for example `5` is bold reverse and `d` bold reverse underline.
    public func attributeLines(theme: Theme) -> [String] {
        let digits = Array("0123456789abcdefghijklmnopqrstuv")
        return rows.map { row in
            String(
                row.map { cell in
                    let value = Int(theme.attributes(for: cell.style).rawValue)
                    return value == 0 ? "." : digits[value % 32]
                })
        }
    }
}
