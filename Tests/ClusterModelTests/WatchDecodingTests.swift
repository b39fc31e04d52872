import Foundation
import TestSupport
import Testing

@testable import ClusterModel

@Suite("Watch streams and API errors")
struct WatchDecodingTests {
    func decodeAll(_ data: Data, chunkSize: Int) throws -> [WatchEvent<PodSummary>] {
        var decoder = WatchLineDecoder<PodSummary>(resource: .pods, path: "/api/v1/pods")
        var events: [WatchEvent<PodSummary>] = []
        var index = data.startIndex
        while index < data.endIndex {
            let end = min(index + chunkSize, data.endIndex)
            events += try decoder.append(data[index..<end])
            index = end
        }
        try decoder.finish()
        return events
    }

    @Test(arguments: [1, 7, 100, 4096, 1 << 20])
    func watchEventsSurviveAnyChunkBoundary(chunkSize: Int) throws {
        let events = try decodeAll(Fixtures.data("pods-watch-demo.ndjson"), chunkSize: chunkSize)
        #expect(events.map(\.resourceVersion) == ["221", "222"])
        guard case .modified(let pod) = events.last else {
            Issue.record("expected MODIFIED")
            return
        }
        #expect(pod.labels["triaged"] == "true")
    }

    @Test func streamingListEndsWithTheInitialEventsBookmark() throws {
        let events = try decodeAll(Fixtures.data("pods-watchlist-sendinitialevents.ndjson"), chunkSize: 512)
        #expect(events.count == 4)
        guard case .bookmark(let rv, let isEnd) = events.last else {
            Issue.record("expected BOOKMARK")
            return
        }
        #expect(rv == "232")
        #expect(isEnd)
    }

    @Test func cacheReplayDecodesEveryEvent() throws {
        let events = try decodeAll(Fixtures.data("pods-watch-rv1-fresh-cache-replay.ndjson"), chunkSize: 3000)
        #expect(events.count == 10)
        #expect(events.last?.resourceVersion == "232")
    }

    @Test func tooOldResourceVersionArrivesAsAnErrorEvent() throws {
        let events = try decodeAll(Fixtures.data("pods-watch-too-old-rv-410.ndjson"), chunkSize: 64)
        guard case .error(let error) = events.first else {
            Issue.record("expected ERROR")
            return
        }
        #expect(error.code == 410)
        #expect(error.isExpired)
        #expect(error.description == "Expired: too old resource version: 220 (246)")
    }

    @Test func rawChunkedHTTPBodyDecodesAfterDechunking() throws {
        let raw = try Fixtures.data("pods-watch-demo-http11-raw.bin")
        let body = try Self.dechunk(raw)
        #expect(body == (try Fixtures.data("pods-watch-demo.ndjson")))
        #expect(try decodeAll(body, chunkSize: 333).count == 2)
    }

    @Test func streamCutMidEventIsAnErrorNotACrash() throws {
        let data = try Fixtures.data("pods-watch-demo.ndjson")
        let cut = data.prefix(data.count - 500)
        let firstLineEnd = try #require(data.firstIndex(of: 10))
        #expect(throws: KubeClientError.watchCut(path: "/api/v1/pods", pendingBytes: cut.count - (firstLineEnd + 1))) {
            try decodeAll(Data(cut), chunkSize: 1000)
        }
    }

    @Test func garbageLineIsADecodeError() {
        #expect(throws: KubeClientError.self) { try decodeAll(Data("{not json}\n".utf8), chunkSize: 5) }
    }

    static let statusFixtures: [(String, Int, String, String)] = [
        (
            "forbidden-403-viewer-list-pods", 403, "Forbidden",
            #"Forbidden: pods is forbidden: User "viewer" cannot list resource "pods" in API group "" in the namespace "demo""#
        ),
        ("unauthorized-401-bad-token", 401, "Unauthorized", "Unauthorized: Unauthorized"),
        ("notfound-404-get-pod", 404, "NotFound", #"NotFound: pods "does-not-exist" not found"#),
        ("notfound-404-get-namespace", 404, "NotFound", #"NotFound: namespaces "no-such-ns" not found"#),
        ("conflict-409-create-existing-node", 409, "AlreadyExists", #"AlreadyExists: nodes "node-a" already exists"#),
        (
            "pods-list-exact-rv-too-old-410", 410, "Expired",
            "Expired: The resourceVersion for the provided list is too old."
        ),
        ("pod-resize-patch-422-node-without-resize-support", 422, "Invalid", ""),
    ]

    @Test(arguments: statusFixtures)
    func statusBodiesBecomeTypedErrors(file: String, code: Int, reason: String, description: String) throws {
        let error = KubeAPIError.from(httpStatus: code, body: try Fixtures.data(file + ".json"), retryAfterHeader: nil)
        #expect(error.code == code)
        #expect(error.reason == reason)
        if !description.isEmpty { #expect(error.description == description) }
    }

    @Test func invalidStatusKeepsItsCauses() throws {
        let error = KubeAPIError.from(
            httpStatus: 422, body: try Fixtures.data("invalid-422-create-pod-no-containers.json"), retryAfterHeader: nil
        )
        #expect(error.causes.map(\.field) == ["metadata.name", "spec.containers"])
        #expect(
            error.causes.last
                == KubeAPIError.Cause(reason: "FieldValueRequired", message: "Required value", field: "spec.containers")
        )
    }

    @Test func pdbRefusalCarriesRetryAfter() throws {
        let error = KubeAPIError.from(
            httpStatus: 429, body: try Fixtures.data("pod-eviction-dryrun-blocked-by-pdb-429.json"),
            retryAfterHeader: "10")
        #expect(error.reason == "TooManyRequests")
        #expect(error.retryAfter == .seconds(10))
        #expect(error.causes.first?.reason == "DisruptionBudget")
    }

    @Test func expiredContinueTokenOffersAFreshToken() throws {
        let error = KubeAPIError.from(
            httpStatus: 410, body: try Fixtures.data("pods-list-continue-token-expired-410.json"), retryAfterHeader: nil
        )
        #expect(error.isExpired)
        #expect(error.continueToken?.isEmpty == false)
    }

    @Test func plainTextThrottlingBecomesASyntheticError() {
        let error = KubeAPIError.from(
            httpStatus: 429, body: Data("Too many requests, please try again later.\n".utf8), retryAfterHeader: "3")
        #expect(
            error
                == KubeAPIError(
                    reason: "TooManyRequests", code: 429, message: "Too many requests, please try again later.",
                    retryAfter: .seconds(3)))
    }

    /// Removes HTTP/1.1 chunked framing; a missing final chunk is accepted (the capture was cut by curl).
    static func dechunk(_ raw: Data) throws -> Data {
        var body = Data()
        var index = raw.startIndex
        while index < raw.endIndex {
            guard let lineEnd = raw[index...].firstIndex(of: 13) else { break }
            let sizeText = String(decoding: raw[index..<lineEnd], as: UTF8.self)
            let size = try #require(Int(sizeText, radix: 16))
            if size == 0 { break }
            let start = lineEnd + 2
            body.append(raw[start..<min(start + size, raw.endIndex)])
            index = start + size + 2
        }
        return body
    }
}
