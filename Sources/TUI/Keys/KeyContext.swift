/// Where the user is, which decides the keys that apply.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    /// A pane's table.
    case table
    /// The detail view of one object.
    case detail
    /// The help screen.
    case help
    /// A container's log.
    case log
    /// Choosing which of a pod's containers to show the log of.
    case containerPicker
}
