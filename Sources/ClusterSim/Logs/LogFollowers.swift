/// The open `follow=true` log streams: after every tick each gets the lines its container wrote; a stream ends when
/// its container stops (its last lines are those up to the kill) or its pod goes away.
final class LogFollowers {
    struct Follower {
        var podKey: String
        var podUID: String?
        var cursor: LogCursor
        var timestamps: Bool
        var continuation: AsyncStream<StreamChunk>.Continuation
    }

    private var followers: [Int: Follower] = [:]
    private var nextID = 1

    var count: Int { followers.count }

    /// Registers a stream; returns its id for `end`.
    func add(_ follower: Follower) -> Int {
        defer { nextID += 1 }
        followers[nextID] = follower
        return nextID
    }

    /// Forgets a stream (its reader went away).
    func end(_ id: Int) { followers.removeValue(forKey: id) }

    /// Sends each stream the lines written up to the world's clock, and finishes those whose container stopped.
    func advance(_ world: ClusterWorld) {
        guard !followers.isEmpty else { return }
        let now = Int64(world.now)
        for (id, var follower) in followers {
            let instance = follower.cursor.instance
            var last = now
            var isOver = false
            let pod = world.store.get(Pod.self, follower.podKey)
            let status = pod?.status.containerStatuses?.first { $0.name == instance.container }
            if pod == nil || pod?.metadata.uid != follower.podUID {
                isOver = true
                last = follower.cursor.second
            } else if status?.containerID != instance.containerID || status?.state.running == nil {
                isOver = true
                let ended = status?.lastState.terminated.flatMap {
                    $0.containerID == instance.containerID ? $0.finishedAt?.seconds : nil
                }
                last = ended ?? follower.cursor.second
            }
            let lines = follower.cursor.lines(through: last)
            if !lines.isEmpty {
                var bytes: [UInt8] = []
                for line in lines { bytes += line.rendered(timestamps: follower.timestamps).utf8 }
                follower.continuation.yield(.data(bytes))
            }
            if isOver {
                followers.removeValue(forKey: id)
                follower.continuation.finish()
            } else {
                followers[id] = follower
            }
        }
    }

    /// Ends every stream (the server is going down).
    func finishAll() {
        for follower in followers.values { follower.continuation.finish() }
        followers.removeAll()
    }
}
