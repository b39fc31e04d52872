import AsyncHTTPClient
import Foundation
import NIOCore

extension KubeClient {
    /// The log as it is now: the lines the container has written (the last `tailLines` when set).
    public func log(_ request: LogRequest) async throws(KubeClientError) -> [LogLine] {
        let data = try await send(.GET, request.path(follow: false), accept: "text/plain, */*", timeout: .seconds(300))
        var decoder = LogLineDecoder()
        var lines = data.withUnsafeBytes { decoder.append($0) }
        lines += decoder.finish()
        return lines
    }

    /// Follows the log (`follow=true`), returning once the server has answered 200. The stream yields the lines
    /// written so far, then each batch the container writes as it arrives (one batch per piece of the response), and
    /// finishes when the container stops; a consumer that stops iterating closes the connection.
    public func followLog(_ request: LogRequest) async throws(KubeClientError)
        -> AsyncThrowingStream<[LogLine], any Error>
    {
        let path = request.path(follow: true)
        var attempt = 0
        while true {
            attempt += 1
            let token = try await bearerToken()
            let response: HTTPClientResponse
            do {
                response = try await streamingHTTP.execute(
                    makeRequest(.GET, path, token: token, accept: "text/plain, */*"), timeout: .hours(24 * 365))
            } catch {
                throw .transport(path: Self.redactedPath(path), problem: Self.describe(error))
            }
            observeDate(response.headers)
            if response.status.code == 200 {
                return Self.logLines(from: response.body, path: Self.redactedPath(path))
            }
            let body = (try? await response.body.collect(upTo: 1 << 20)).map { Data($0.readableBytesView) } ?? Data()
            if response.status.code == 401, attempt == 1, await credentials.tokenRejected(token) { continue }
            let error = KubeAPIError.from(
                httpStatus: Int(response.status.code), body: body,
                retryAfterHeader: response.headers.first(name: "Retry-After"))
            throw .api(error, path: Self.redactedPath(path))
        }
    }

    static func logLines(from body: HTTPClientResponse.Body, path: String) -> AsyncThrowingStream<[LogLine], any Error>
    {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var decoder = LogLineDecoder()
                    for try await chunk in body {
                        let lines = chunk.withUnsafeReadableBytes { decoder.append($0) }
                        if !lines.isEmpty { continuation.yield(lines) }
                    }
                    let last = decoder.finish()
                    if !last.isEmpty { continuation.yield(last) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: KubeClientError.transport(path: path, problem: describe(error)))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// Turns log body bytes into lines; a last line without a newline is kept.
struct LogLineDecoder {
    private var splitter = LineSplitter()

    mutating func append(_ bytes: UnsafeRawBufferPointer) -> [LogLine] {
        splitter.append(bytes.assumingMemoryBound(to: UInt8.self)).map { line in
            line.withUnsafeBufferPointer { LogLine(timestamped: $0) }
        }
    }

    mutating func finish() -> [LogLine] {
        let pending = splitter.takePending()
        guard pending.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { return [] }
        return [pending.withUnsafeBufferPointer { LogLine(timestamped: $0) }]
    }
}
