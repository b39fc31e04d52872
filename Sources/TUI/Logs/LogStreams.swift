import ClusterModel

/// The log streams the console has open: each runs in a background task that posts its lines to the UI loop's inbox
/// as they arrive, and its end or failure once; closing one cancels its task, which closes its connection.
@MainActor
public final class LogStreams {
    private let inbox: EventInbox
    private var tasks: [Int: Task<Void, Never>] = [:]

    public init(inbox: EventInbox) {
        self.inbox = inbox
    }

    /// Streams `request` (following) through `connection`'s client, reporting as `stream`.
    public func open(_ stream: Int, _ request: LogRequest, connection: ClusterConnection) {
        let inbox = inbox
        tasks[stream] = Task.detached {
            do {
                for try await lines in try await connection.client.followLog(request) {
                    inbox.post(.logLinesReceived(stream: stream, lines))
                }
                inbox.post(.logStreamEnded(stream: stream, failure: nil))
            } catch {
                guard !Task.isCancelled else { return }
                let failure = (error as? KubeClientError).map { $0.apiError?.message ?? $0.description } ?? "\(error)"
                inbox.post(.logStreamEnded(stream: stream, failure: failure))
            }
        }
    }

    /// Stops `stream`.
    public func close(_ stream: Int) {
        tasks.removeValue(forKey: stream)?.cancel()
    }

    /// Stops every stream (the connection is going away).
    public func closeAll() {
        for task in tasks.values { task.cancel() }
        tasks.removeAll()
    }
}
