import ClusterModel
import Foundation

extension FuzzTarget {
    /// Properties of a list page, checked for each projection with a fast decoder:
    /// - agreement: when Codable alone also reads the page, `decodeList` (the fast scanner, or Codable when the
    ///   scanner gives up) reads the same list metadata and items, unless a key is repeated or escaped;
    /// - truncation: a page cut in half is rejected, whatever the whole page was;
    /// - one-line errors: a rejected page's error is one line naming the resource, without control characters.
    func checkListPage(_ page: Data) throws(FuzzFailure) {
        var audit = KeyAudit(json: page)
        try checkListPage(PodSummary.self, .pods, page, &audit)
        try checkListPage(NodeSummary.self, .nodes, page, &audit)
        try checkListPage(EventSummary.self, .events, page, &audit)
        try checkListPage(WorkloadSummary.self, .replicaSets, page, &audit)
    }

    private func checkListPage<T: KubeObject & Equatable>(
        _ type: T.Type, _ resource: ResourceKind, _ page: Data, _ audit: inout KeyAudit
    ) throws(FuzzFailure) {
        let read: ObjectList<T>
        do {
            read = try ResourceDecoding.decodeList(T.self, from: page, resource: resource)
        } catch {
            try requireOneLine(error, resource)
            return
        }
        try requireTruncationRejected(page, resource) { cut in
            (try? ResourceDecoding.decodeList(T.self, from: cut, resource: resource)) != nil
        }
        guard
            let reference = try? ResourceDecoding.decodeObject(
                CodableOnly<ObjectList<T>>.self, from: page, resource: resource
            ).value,
            audit.keysArePlainAndUnique
        else { return }
        try require(
            read.resourceVersion == reference.resourceVersion && read.continueToken == reference.continueToken
                && read.remainingItemCount == reference.remainingItemCount,
            "agreement",
            "\(resource) list metadata: fast (\(read.resourceVersion), \(read.continueToken ?? "nil"), "
                + "\(read.remainingItemCount.map(String.init) ?? "nil")), Codable (\(reference.resourceVersion), "
                + "\(reference.continueToken ?? "nil"), \(reference.remainingItemCount.map(String.init) ?? "nil"))")
        try require(
            read.items.count == reference.items.count, "agreement",
            "\(resource): fast read \(read.items.count) items, Codable \(reference.items.count)")
        for (index, (fast, codable)) in zip(read.items, reference.items).enumerated() {
            try require(fast == codable, "agreement", "\(resource) item \(index): fast \(fast), Codable \(codable)")
        }
    }

    /// A JSON text accepted whole must be rejected when cut at half its length (trailing whitespace aside): no proper
    /// prefix of a JSON value is one.
    func requireTruncationRejected(
        _ json: Data, _ resource: ResourceKind, _ accepts: (Data) -> Bool
    ) throws(FuzzFailure) {
        var end = json.endIndex
        while end > json.startIndex, [0x20, 0x0A, 0x0D, 0x09].contains(json[end - 1]) { end -= 1 }
        let cut = json.prefix((end - json.startIndex) / 2)
        try require(
            !accepts(cut), "truncation",
            "\(resource): accepted the first \(cut.count) of \(end - json.startIndex) bytes")
    }

    func requireOneLine(_ error: any Error, _ resource: ResourceKind) throws(FuzzFailure) {
        let text = "\(error)"
        try require(
            text.hasPrefix("Cannot decode \(resource.plural) response") && Self.isOneLine(text),
            "one-line errors", "\(resource): \(text.debugDescription)")
    }
}

/// Whether a JSON text's keys are plain and unique, worked out once per input and only if needed.
struct KeyAudit {
    let json: Data
    private var verdict: Bool?

    init(json: Data) { self.json = json }

    var keysArePlainAndUnique: Bool {
        mutating get {
            if let verdict { return verdict }
            let found = JSONKeyAudit.keysArePlainAndUnique(json)
            verdict = found
            return found
        }
    }
}
