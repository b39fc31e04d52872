/// Choosing one of a pod's containers before its log opens.
public struct ContainerPicker: Hashable, Sendable {
    public var subject: LogSubject
    public var cursor: Int
    public var returnMode: AppMode

    public init(subject: LogSubject, cursor: Int = 0, returnMode: AppMode) {
        self.subject = subject
        self.cursor = cursor
        self.returnMode = returnMode
    }
}
