/// The section of the help screen a binding is listed under.
public enum KeyGroup: String, CaseIterable, Hashable, Sendable {
    case navigation = "Navigation"
    case panes = "Panes"
    case console = "Console"
    case runbooks = "Runbooks"
    case logs = "Logs"
    case incident = "Incident"
}

/// One action with its keys and how it is explained.
public struct KeyBinding: Hashable, Sendable {
    public var action: Action
    public var keys: [Key]
    /// The help screen text.
    public var description: String
    /// A short label for the footer; bindings without one are not shown there.
    public var hint: String?
    public var group: KeyGroup
    public var contexts: Set<KeyContext>
    /// Why the action cannot run (for example a read-only console); nil when it can.
    public var disabledReason: String?

    public init(
        _ action: Action, keys: [Key], description: String, hint: String? = nil,
        group: KeyGroup, contexts: Set<KeyContext>, disabledReason: String? = nil
    ) {
        self.action = action
        self.keys = keys
        self.description = description
        self.hint = hint
        self.group = group
        self.contexts = contexts
        self.disabledReason = disabledReason
    }

    /// The keys as shown in help: `j/↓`.
    public var keyLabel: String {
        keys.map(\.description).joined(separator: "/")
    }
}
