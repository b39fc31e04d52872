import ClusterModel

/// A container's log on screen: the lines received, where the view is, and what feeds it; `reduce` changes it,
/// `LogView` draws it.
public struct LogViewState: Hashable, Sendable {
    /// Where the stream feeding the view is.
    public enum Phase: Hashable, Sendable {
        case loading
        /// Lines arrive as the container writes them.
        case streaming
        /// The server ended the log (the container stopped, or the run was a previous one).
        case ended
        /// The server refused or the connection failed; the sentence to show.
        case failed(String)
    }

    public var subject: LogSubject
    public var container: ContainerChoice
    /// Showing the previous run of the container instead of the current one.
    public var isPrevious = false
    /// The stream whose lines this view takes (lines of an earlier stream are ignored).
    public var stream: Int
    public var lines: LogBuffer
    public var phase = Phase.loading
    /// Pinned to the newest line as lines arrive.
    public var isFollowing = true
    public var wraps = false
    /// The number of the first line shown while not following.
    public var top = 0
    public var search: LogSearch?
    /// The search being typed after `/`; nil when not typing.
    public var searchInput: String?
    /// Where leaving the log returns to.
    public var returnMode: AppMode

    public init(
        subject: LogSubject, container: ContainerChoice, stream: Int, returnMode: AppMode,
        lines: LogBuffer = LogBuffer()
    ) {
        self.subject = subject
        self.container = container
        self.stream = stream
        self.returnMode = returnMode
        self.lines = lines
    }

    /// What to ask the API server for: the current or previous run, the last lines up to what the buffer keeps.
    public var request: LogRequest {
        LogRequest(
            namespace: subject.namespace, pod: subject.pod, container: container.name, tailLines: lines.capacity,
            previous: isPrevious)
    }
}
