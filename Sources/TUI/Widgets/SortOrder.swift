/// The sorted column and its direction.
public struct SortOrder: Hashable, Sendable {
    public var column: Int
    public var isAscending: Bool

    public init(column: Int, isAscending: Bool = true) {
        self.column = column
        self.isAscending = isAscending
    }
}
