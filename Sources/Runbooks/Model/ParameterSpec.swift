/// One typed parameter of a runbook: its default (often drawn from the selection), bounds and allowed values.
public struct ParameterSpec: Sendable, Hashable {
    public var name: String
    public var type: ParameterType
    public var description: String
    /// The default, as a template (`"{{memory_limit * 1.5}}"`, `2m`); nil when the user must give it.
    public var defaultValue: TemplateText?
    /// Lower bounds; the value must be at least each.
    public var minimum: [TemplateText]
    /// Hard caps; the value may be at most each (the smallest wins), and a default above a cap is lowered to it.
    public var maximum: [TemplateText]
    /// For strings: the only values accepted (empty: any).
    public var allowed: [String]
    public var location: SourceLocation

    public init(
        name: String, type: ParameterType, description: String = "", defaultValue: TemplateText? = nil,
        minimum: [TemplateText] = [], maximum: [TemplateText] = [], allowed: [String] = [],
        location: SourceLocation = SourceLocation()
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.allowed = allowed
        self.location = location
    }
}

/// The type of a parameter's value.
public enum ParameterType: String, Sendable, Hashable, CaseIterable {
    /// A memory quantity (`255Mi`, `1.5G`); arithmetic rounds up to a whole Mi.
    case memory
    /// A CPU quantity (`500m`, `2`); arithmetic rounds up to a whole millicore.
    case cpu
    case integer
    case number
    case string
    case boolean
    /// `30s`, `5m`, `1h30m`.
    case duration
    /// The name of one of the target's containers.
    case container
}
