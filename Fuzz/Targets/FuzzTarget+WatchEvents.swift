import ClusterModel
import Foundation

extension FuzzTarget {
    /// Properties of a watch line, checked for each projection with a fast decoder: agreement with Codable alone
    /// (unless a key is repeated or escaped), truncation rejected, one-line errors (as for list pages, and for the
    /// Status an ERROR event carries).
    func checkWatchLine(_ line: Data) throws(FuzzFailure) {
        var audit = KeyAudit(json: line)
        try checkWatchLine(PodSummary.self, .pods, line, &audit)
        try checkWatchLine(NodeSummary.self, .nodes, line, &audit)
        try checkWatchLine(EventSummary.self, .events, line, &audit)
        try checkWatchLine(WorkloadSummary.self, .replicaSets, line, &audit)
    }

    private func checkWatchLine<T: KubeObject & Equatable>(
        _ type: T.Type, _ resource: ResourceKind, _ line: Data, _ audit: inout KeyAudit
    ) throws(FuzzFailure) {
        let read: WatchEvent<T>
        do {
            read = try ResourceDecoding.decodeWatchEvent(T.self, from: line, resource: resource)
        } catch {
            try requireOneLine(error, resource)
            return
        }
        try requireTruncationRejected(line, resource) { cut in
            (try? ResourceDecoding.decodeWatchEvent(T.self, from: cut, resource: resource)) != nil
        }
        if case .error(let status) = read {
            try require(Self.isOneLine(status.description), "one-line errors", status.description.debugDescription)
        }
        guard
            let reference = try? ResourceDecoding.decodeObject(
                CodableOnly<WatchEvent<T>>.self, from: line, resource: resource
            ).value,
            audit.keysArePlainAndUnique
        else { return }
        try require(same(read, reference), "agreement", "\(resource) event: fast \(read), Codable \(reference)")
    }

    private func same<T: Equatable>(_ a: WatchEvent<T>, _ b: WatchEvent<T>) -> Bool {
        switch (a, b) {
        case (.added(let x), .added(let y)), (.modified(let x), .modified(let y)), (.deleted(let x), .deleted(let y)):
            return x == y
        case (.bookmark(let rv1, let end1), .bookmark(let rv2, let end2)): return rv1 == rv2 && end1 == end2
        case (.error(let x), .error(let y)): return x == y
        default: return false
        }
    }
}
