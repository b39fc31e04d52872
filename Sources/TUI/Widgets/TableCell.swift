/// One cell of a table row; `role` colours it (for example a severity) unless the row is selected.
public struct TableCell: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var text: String
    public var role: Role?

    public init(_ text: String, role: Role? = nil) {
        self.text = text
        self.role = role
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }
}
