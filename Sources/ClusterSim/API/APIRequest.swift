/// An HTTP request as the simulated API server sees it.
public struct APIRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [String: String]
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, uri: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.headers = headers
        self.body = body
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts.first ?? "")
        query = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = Self.percentDecode(String(kv[0]))
                query[key] = kv.count > 1 ? Self.percentDecode(String(kv[1])) : ""
            }
        }
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var isDryRun: Bool { query["dryRun"] == "All" }

    var wantsTable: Bool { header("Accept")?.contains("as=Table") ?? false }

    static func percentDecode(_ text: String) -> String {
        guard text.contains("%") || text.contains("+") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// What the simulated API server answers: a whole body, or a stream of watch lines.
public enum APIResponse: Sendable {
    case full(status: Int, headers: [(name: String, value: String)], body: [UInt8])
    case stream(headers: [(name: String, value: String)], chunks: AsyncStream<StreamChunk>)

    /// The same response with one more header.
    func adding(header name: String, _ value: String) -> APIResponse {
        switch self {
        case .full(let status, let headers, let body):
            return .full(status: status, headers: headers + [(name, value)], body: body)
        case .stream(let headers, let chunks): return .stream(headers: headers + [(name, value)], chunks: chunks)
        }
    }

    static func json(_ status: Int, _ body: [UInt8], extraHeaders: [(name: String, value: String)] = []) -> APIResponse
    {
        .full(
            status: status,
            headers: [("Content-Type", "application/json"), ("Cache-Control", "no-cache, private")] + extraHeaders,
            body: body)
    }

    static func text(_ status: Int, _ body: String, contentType: String = "text/plain; charset=utf-8") -> APIResponse {
        .full(status: status, headers: [("Content-Type", contentType)], body: Array(body.utf8))
    }

    var status: Int {
        switch self {
        case .full(let status, _, _): status
        case .stream: 200
        }
    }
}

/// A piece of a streamed response.
public enum StreamChunk: Sendable {
    /// Bytes to send.
    case data([UInt8])
    /// Bytes to send, after which the connection is dropped without ending the response (a cut watch).
    case cut([UInt8])
}
