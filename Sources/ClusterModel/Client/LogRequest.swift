import Foundation

/// What to read of a container's log (`pods/{name}/log`).
public struct LogRequest: Hashable, Sendable {
    public var namespace: String
    public var pod: String
    /// Needed when the pod has more than one container.
    public var container: String?
    /// The last lines only; nil for the whole log.
    public var tailLines: Int?
    /// The previous run of the container (the one that was killed or exited) instead of the current one.
    public var previous: Bool

    public init(namespace: String, pod: String, container: String? = nil, tailLines: Int? = nil, previous: Bool = false)
    {
        self.namespace = namespace
        self.pod = pod
        self.container = container
        self.tailLines = tailLines
        self.previous = previous
    }

    /// The request path; lines always carry the time the container wrote them (`timestamps=true`).
    func path(follow: Bool) -> String {
        var items: [(String, String)] = [("timestamps", "true")]
        if let container { items.append(("container", container)) }
        if let tailLines { items.append(("tailLines", String(tailLines))) }
        if previous { items.append(("previous", "true")) }
        if follow { items.append(("follow", "true")) }
        return RequestPath.make("/api/v1/namespaces/\(namespace.pathEscaped)/pods/\(pod.pathEscaped)/log", items)
    }
}

/// One line of a container's log.
public struct LogLine: Hashable, Sendable {
    /// When the container wrote it; nil when the server sent no time.
    public var time: Date?
    public var text: String

    public init(time: Date?, text: String) {
        self.time = time
        self.text = text
    }

    /// Reads a line as the server sends it with `timestamps=true`: an RFC 3339 time, a space, the text.
    init(timestamped bytes: UnsafeBufferPointer<UInt8>) {
        var end = bytes.count
        if end > 0, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[..<end])
        if let space = line.firstIndex(of: UInt8(ascii: " ")),
            let time = KubeTime.parse(bytes: UnsafeBufferPointer(rebasing: line[..<space]))
        {
            self.init(
                time: time, text: String(decoding: UnsafeBufferPointer(rebasing: line[(space + 1)...]), as: UTF8.self))
        } else {
            self.init(time: nil, text: String(decoding: line, as: UTF8.self))
        }
    }
}
