/// `pods/{name}/log`: the scenario-shaped log of a container's current or previous run, whole or followed as the
/// simulated clock moves.
extension SimCluster {
    func podLog(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        guard let key = path.key, let pod = world.store.get(Pod.self, key) else {
            throw .notFound(.pods, path.name ?? "")
        }
        let podName = pod.metadata.name ?? ""
        let options = try PodLogOptions(query: request.query, pod: podName)
        let names = pod.spec.containers.map(\.name)
        let container: String
        if let requested = options.container {
            guard names.contains(requested) else {
                throw .badRequest("container \(requested) is not valid for pod \(podName)")
            }
            container = requested
        } else if names.count == 1 {
            container = names[0]
        } else {
            throw .badRequest(
                "a container name must be specified for pod \(podName), choose one of: [\(names.joined(separator: " "))]"
            )
        }
        let instance = try world.logInstance(of: pod, key: key, container: container, previous: options.previous)
        var cursor = LogCursor(instance)
        let now = Int64(world.now)
        let lines = cursor.tail(
            options.tailLines, through: cursor.lastSecond(now: now),
            notBefore: options.sinceSeconds.map { now - Int64($0) + 1 })
        var body: [UInt8] = []
        body.reserveCapacity(lines.count * 120)
        for line in lines { body += line.rendered(timestamps: options.timestamps).utf8 }
        guard options.follow, instance.end == nil else {
            return .full(status: 200, headers: [("Content-Type", "text/plain")], body: body)
        }
        let (stream, continuation) = AsyncStream<StreamChunk>.makeStream(bufferingPolicy: .unbounded)
        if !body.isEmpty { continuation.yield(.data(body)) }
        let id = logFollowers.add(
            LogFollowers.Follower(
                podKey: key, podUID: pod.metadata.uid, cursor: cursor, timestamps: options.timestamps,
                continuation: continuation))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.endLogFollow(id) }
        }
        return .stream(headers: [("Content-Type", "text/plain")], chunks: stream)
    }

    func endLogFollow(_ id: Int) { logFollowers.end(id) }

    /// Open `follow=true` log streams, for tests.
    public var logFollowCount: Int { logFollowers.count }
}
