/// A property of a fuzz target that did not hold for one input.
public struct FuzzFailure: Error, Sendable, CustomStringConvertible {
    public var target: FuzzTarget
    /// The property, as named in `RELIABILITY.md`.
    public var property: String
    /// What was read, and what was expected instead.
    public var detail: String

    public init(target: FuzzTarget, property: String, detail: String) {
        self.target = target
        self.property = property
        self.detail = detail
    }

    public var description: String { "\(target.rawValue): \(property): \(detail)" }
}
