import Foundation
import TestSupport
import Testing

@testable import ClusterSim

#if canImport(Glibc)
    import Glibc
#endif

/// The bytes on the wire: a watch is an HTTP/1.1 chunked response of newline-terminated JSON events, like
/// `pods-watch-demo-http11-raw.bin` captured from kube-apiserver.
@Suite("Watch framing on the wire")
struct WireFramingTests {
    @Test func watchIsChunkedJSONWithTheRealHeaders() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let server = try SimServer(cluster: sim.cluster, tls: false)
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let version = await sim.cluster.resourceVersion
        let request =
            "GET /api/v1/namespaces/kube-system/pods?watch=1&resourceVersion=\(version) HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\nAuthorization: Bearer firebreak-admin-token\r\nAccept: application/json\r\n\r\n"
        let reading = Task { try await RawSocket.exchangeOffPool(port: port, request: request, readFor: 60) }
        while await sim.cluster.watchCount == 0 { try await Task.sleep(for: .milliseconds(20)) }
        await sim.advance(minutes: 3)
        await sim.cluster.endWatches()
        let response = try await reading.value
        let (head, body) = try #require(response.split(separator: "\r\n\r\n", maxSplits: 1).map(String.init).twoParts)
        let fixtureHeaders = try Fixtures.text("pods-watch-demo-http11-raw.headers").lowercased()
        #expect(head.hasPrefix("HTTP/1.1 200 OK"))
        for header in [
            "content-type: application/json", "transfer-encoding: chunked", "cache-control: no-cache, private",
        ] {
            #expect(fixtureHeaders.contains(header) && head.lowercased().contains(header), "header \(header)")
        }
        let fixtureBody = try Data(contentsOf: Fixtures.url("pods-watch-demo-http11-raw.bin"))
        let chunkStart = #/^[0-9a-f]+\r\n\{"type":"MODIFIED","object":\{"kind":"Pod","apiVersion":"v1"/#
        #expect(String(decoding: fixtureBody.prefix(80), as: UTF8.self).contains(chunkStart))
        #expect(body.contains(chunkStart), "body starts: \(body.prefix(120))")
        #expect(body.contains("}\n\r\n"), "each event ends with a newline inside its chunk")
        #expect(body.hasSuffix("0\r\n\r\n"), "a watch that ends cleanly ends with the last chunk")
    }
}

extension Array where Element == String {
    fileprivate var twoParts: (String, String)? { count == 2 ? (self[0], self[1]) : nil }
}

/// A plain TCP client, so the test sees the response bytes exactly as sent.
enum RawSocket {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// `exchange` on a thread of its own: its blocking reads must not hold one of the few threads async tasks run on.
    static func exchangeOffPool(port: Int, request: String, readFor seconds: Double) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try exchange(port: port, request: request, readFor: seconds) })
            }
        }
    }

    /// Sends `request` and reads until the server closes the connection or `seconds` pass.
    static func exchange(port: Int, request: String, readFor seconds: Double) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect() failed") }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 { received += buffer[0..<count] } else if count == 0 { break }
        }
        return String(decoding: received, as: UTF8.self)
    }
}
