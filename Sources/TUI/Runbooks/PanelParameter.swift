/// One parameter as the panel lists it.
public struct PanelParameter: Hashable, Sendable {
    public var name: String
    public var value: String
    /// Where the value came from when it matters: `set`, `capped: 2× memory_limit 170Mi`.
    public var note: String?

    public init(name: String, value: String, note: String? = nil) {
        self.name = name
        self.value = value
        self.note = note
    }
}
