extension String {
    /// The text with control characters written as escapes (`\n`, `\u{1B}`): a message that quotes a file or a server
    /// stays one line and cannot move the terminal's cursor.
    var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar.properties.generalCategory == .control {
                out += scalar.escaped(asASCII: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
