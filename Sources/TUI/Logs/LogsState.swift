/// The log view and the container picker, and the numbering of the streams that feed them.
public struct LogsState: Hashable, Sendable {
    public var view: LogViewState?
    public var picker: ContainerPicker?
    /// The last stream number handed out.
    public var lastStream = 0

    public init() {}
}
