/// What a column sorts by: a number, or text compared byte by byte (fast, and stable across locales).
///
/// Numbers sort before text, and a missing value after both, in ascending order.
public enum SortKey: Comparable, Sendable {
    case number(Double)
    case text(String)
    case missing

    public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): a < b
        case (.text(let a), .text(let b)): a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.number, .text), (.number, .missing), (.text, .missing): true
        default: false
        }
    }
}
