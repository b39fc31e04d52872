import AsyncHTTPClient
import Foundation
import NIOCore

extension KubeClient {
    /// Starts a watch and returns once the server has answered 200; the stream then yields decoded events as lines
    /// arrive. A normal end of the body finishes the stream; a body cut mid-line throws `KubeClientError.watchCut`.
    public func watch<T: KubeObject>(
        _ type: T.Type, _ resource: ResourceKind, namespace: String? = nil,
        options: ListOptions
    ) async throws(KubeClientError) -> AsyncThrowingStream<WatchEvent<T>, any Error> {
        let path = RequestPath.make(resource.collectionPath(namespace: namespace), options.queryItems(watch: true))
        let deadline = TimeAmount.seconds(Int64(options.timeoutSeconds ?? 1800) + 60)
        var attempt = 0
        while true {
            attempt += 1
            let token = try await bearerToken()
            let request = makeRequest(.GET, path, token: token)
            let response: HTTPClientResponse
            do {
                response = try await http.execute(request, timeout: deadline)
            } catch {
                throw .transport(path: Self.redactedPath(path), problem: Self.describe(error))
            }
            observeDate(response.headers)
            if response.status.code == 200 {
                return Self.events(T.self, from: response.body, resource: resource, path: Self.redactedPath(path))
            }
            let body = (try? await response.body.collect(upTo: 1 << 20)).map { Data($0.readableBytesView) } ?? Data()
            if response.status.code == 401, attempt == 1, await credentials.tokenRejected(token) { continue }
            let error = KubeAPIError.from(
                httpStatus: Int(response.status.code), body: body,
                retryAfterHeader: response.headers.first(name: "Retry-After"))
            throw .api(error, path: Self.redactedPath(path))
        }
    }

    static func events<T: KubeObject>(
        _ type: T.Type, from body: HTTPClientResponse.Body, resource: ResourceKind,
        path: String
    ) -> AsyncThrowingStream<WatchEvent<T>, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var decoder = WatchLineDecoder<T>(resource: resource, path: path)
                    for try await chunk in body {
                        for event in try decoder.append(chunk.readableBytesView) { continuation.yield(event) }
                    }
                    try decoder.finish()
                    continuation.finish()
                } catch let error as KubeClientError {
                    continuation.finish(throwing: error)
                } catch {
                    continuation.finish(throwing: KubeClientError.transport(path: path, problem: describe(error)))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// Turns watch body bytes into events: splits lines, decodes each, and reports a partial last line as a cut.
struct WatchLineDecoder<T: KubeObject> {
    var resource: ResourceKind
    var path: String
    private var splitter = LineSplitter()

    init(resource: ResourceKind, path: String) {
        self.resource = resource
        self.path = path
    }

    mutating func append<Bytes: Collection>(_ bytes: Bytes) throws(KubeClientError) -> [WatchEvent<T>]
    where Bytes.Element == UInt8 {
        var events: [WatchEvent<T>] = []
        for line in splitter.append(bytes) {
            do {
                events.append(try ResourceDecoding.decodeWatchEvent(T.self, from: Data(line), resource: resource))
            } catch {
                throw .decode(error)
            }
        }
        return events
    }

    func finish() throws(KubeClientError) {
        let pending = splitter.pendingByteCount
        if pending > 0 { throw .watchCut(path: path, pendingBytes: pending) }
    }
}
