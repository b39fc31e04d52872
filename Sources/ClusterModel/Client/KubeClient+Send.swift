import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension KubeClient {
    static let maxBodyBytes = 1 << 30

    /// Sends a request with the bearer token and returns the 2xx body; retries once with a fresh token after a 401.
    func send(
        _ method: HTTPMethod, _ path: String, body: Data? = nil, contentType: String? = nil,
        accept: String = "application/json", timeout: TimeAmount = .seconds(60)
    ) async throws(KubeClientError) -> Data {
        try await exchange(method, path, body: body, contentType: contentType, accept: accept, timeout: timeout).body
    }

    /// `send`, also returning the 2xx status code (200, 201, 202).
    func exchange(
        _ method: HTTPMethod, _ path: String, body: Data? = nil, contentType: String? = nil,
        accept: String = "application/json", timeout: TimeAmount = .seconds(60)
    ) async throws(KubeClientError) -> (status: Int, body: Data) {
        var attempt = 0
        while true {
            attempt += 1
            let token = try await bearerToken()
            let request = makeRequest(method, path, token: token, body: body, contentType: contentType, accept: accept)
            let response: HTTPClientResponse
            let data: Data
            do {
                response = try await http.execute(request, timeout: timeout)
                let buffer = try await response.body.collect(upTo: Self.maxBodyBytes)
                data = Data(buffer.readableBytesView)
            } catch {
                throw .transport(path: Self.redactedPath(path), problem: Self.describe(error))
            }
            observeDate(response.headers)
            if (200..<300).contains(response.status.code) { return (Int(response.status.code), data) }
            if response.status.code == 401, attempt == 1, await credentials.tokenRejected(token) { continue }
            let error = KubeAPIError.from(
                httpStatus: Int(response.status.code), body: data,
                retryAfterHeader: response.headers.first(name: "Retry-After"))
            throw .api(error, path: Self.redactedPath(path))
        }
    }

    /// Feeds the response's `Date` header to the cluster clock.
    func observeDate(_ headers: HTTPHeaders) {
        if let date = headers.first(name: "Date") { clock.observe(dateHeader: date) }
    }

    func bearerToken() async throws(KubeClientError) -> Secret? {
        do {
            return try await credentials.bearerToken()
        } catch {
            throw .credentials(error)
        }
    }

    func makeRequest(
        _ method: HTTPMethod, _ path: String, token: Secret?, body: Data? = nil,
        contentType: String? = nil, accept: String = "application/json"
    ) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "User-Agent", value: "firebreak")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token.value)") }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        return request
    }

    /// The path without its query, which can hold continue tokens; for messages.
    static func redactedPath(_ path: String) -> String {
        path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    }

    /// One line for a transport failure.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "connect timed out"
            case .readTimeout: return "read timed out"
            case .deadlineExceeded: return "request deadline exceeded"
            case .remoteConnectionClosed: return "connection closed by the server"
            default: return "\(error)"
            }
        }
        let text = "\(error)"
        if text.localizedCaseInsensitiveContains("refused") { return "connection refused" }
        if text.contains("CERTIFICATE_VERIFY_FAILED") { return "TLS: certificate signed by an unknown authority" }
        if text.contains("failedToValidateHostname") { return "TLS: the certificate is not valid for this host name" }
        if text.contains("handshakeFailed") || text.contains("NIOSSL") { return "TLS handshake failed: \(text)" }
        return text.split(separator: "\n").first.map(String.init) ?? text
    }
}
