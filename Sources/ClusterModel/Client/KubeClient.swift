import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// An authenticated client for one API server, over one shared AsyncHTTPClient connection pool.
///
/// Speaks JSON over `http://` or `https://`; TLS and credentials come from the `ClusterEndpoint`.
/// Call `shutdown()` when done.
public final class KubeClient: Sendable {
    public let endpoint: ClusterEndpoint
    let http: HTTPClient
    /// For streams that may stay quiet for long (a followed log): no read timeout.
    let streamingHTTP: HTTPClient
    let credentials: CredentialProvider
    /// Scheme, host and port requests go to (the `tls-server-name` host when set, resolved via a DNS override).
    let baseURL: String
    /// The server's time, learnt from the `Date` header of every response.
    public let clock: ClusterClock

    /// HTTP/1.1 connections to the API server at most: the watches plus room for concurrent requests.
    static let connectionsPerHost = ResourceKind.watched.count + 24

    /// Creates the connection pool. `credentials` defaults to one built from the endpoint; `clock` learns the server's
    /// time from the responses.
    public init(
        endpoint: ClusterEndpoint, credentials: CredentialProvider? = nil, clock: ClusterClock = ClusterClock()
    ) throws(KubeClientError) {
        self.endpoint = endpoint
        self.clock = clock
        self.credentials = credentials ?? CredentialProvider(credentials: endpoint.credentials)
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(75))
        configuration.decompression = .enabled(limit: .ratio(200))
        // Each watched resource holds an HTTP/1.1 connection open for its watch; the default of 8 connections per
        // host would leave none for lists, relists, metrics scrapes and writes (they would time out in the pool).
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = Self.connectionsPerHost
        // A refused connection or a failed handshake fails the request at once: the reflectors retry with their own
        // backoff and say why in the header (the pool would otherwise retry silently until the connect timeout).
        configuration.connectionPool.retryConnectionEstablishment = false
        let scheme = endpoint.server.scheme ?? "https"
        var host = endpoint.server.host ?? "localhost"
        if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
        if scheme == "https" {
            configuration.tlsConfiguration = try endpoint.tls.makeTLSConfiguration()
            if let serverName = endpoint.tls.serverName, serverName != host {
                configuration.dnsOverride = [serverName: endpoint.server.host ?? host]
                host = serverName
            }
        }
        let port = endpoint.server.port.map { ":\($0)" } ?? ""
        let prefix =
            endpoint.server.path.hasSuffix("/") ? String(endpoint.server.path.dropLast()) : endpoint.server.path
        baseURL = "\(scheme)://\(host)\(port)\(prefix)"
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        configuration.timeout.read = nil
        streamingHTTP = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the connection pools.
    public func shutdown() async throws {
        try await http.shutdown()
        try await streamingHTTP.shutdown()
    }

    // MARK: Typed reads

    /// Lists one page and decodes it into projections.
    public func list<T: KubeObject>(
        _ type: T.Type, _ resource: ResourceKind, namespace: String? = nil,
        options: ListOptions = ListOptions()
    ) async throws(KubeClientError) -> ObjectList<T> {
        let data = try await listData(resource, namespace: namespace, options: options)
        do {
            return try ResourceDecoding.decodeList(T.self, from: data, resource: resource)
        } catch {
            throw .decode(error)
        }
    }

    /// Fetches one list page without decoding it (for pipelined decoding and the fetch-only benchmark floor).
    public func listData(
        _ resource: ResourceKind, namespace: String? = nil,
        options: ListOptions = ListOptions()
    ) async throws(KubeClientError) -> Data {
        let path = RequestPath.make(resource.collectionPath(namespace: namespace), options.queryItems(watch: false))
        return try await send(.GET, path, timeout: .seconds(300))
    }

    /// Gets one object and decodes its projection.
    public func get<T: KubeObject>(
        _ type: T.Type, _ resource: ResourceKind, namespace: String?,
        name: String
    ) async throws(KubeClientError) -> T {
        let data = try await send(.GET, resource.objectPath(namespace: namespace, name: name))
        do {
            return try ResourceDecoding.decodeObject(T.self, from: data, resource: resource)
        } catch {
            throw .decode(error)
        }
    }

    /// GETs any path and returns the body (e.g. discovery, metrics.k8s.io).
    public func getData(path: String) async throws(KubeClientError) -> Data {
        try await send(.GET, path)
    }

    /// GETs a text body, e.g. `/api/v1/nodes/{n}/proxy/metrics/cadvisor`.
    public func getText(path: String) async throws(KubeClientError) -> String {
        String(decoding: try await send(.GET, path, accept: "text/plain, */*"), as: UTF8.self)
    }

    // MARK: Writes

    /// POSTs a JSON body (create, eviction, access reviews) and returns the response body.
    public func post(
        path: String, body: Data, dryRun: Bool = false,
        fieldManager: String? = nil
    ) async throws(KubeClientError) -> Data {
        try await send(
            .POST, Self.writePath(path, dryRun: dryRun, fieldManager: fieldManager),
            body: body, contentType: "application/json")
    }

    /// PATCHes with the given patch type and returns the patched object's JSON.
    public func patch(
        path: String, contentType: PatchType, body: Data, dryRun: Bool = false,
        fieldManager: String? = nil
    ) async throws(KubeClientError) -> Data {
        try await send(
            .PATCH, Self.writePath(path, dryRun: dryRun, fieldManager: fieldManager),
            body: body, contentType: contentType.rawValue)
    }

    /// DELETEs, with optional `DeleteOptions` JSON, and returns the response body.
    public func delete(path: String, body: Data? = nil, dryRun: Bool = false) async throws(KubeClientError) -> Data {
        try await send(
            .DELETE, Self.writePath(path, dryRun: dryRun, fieldManager: nil),
            body: body, contentType: body == nil ? nil : "application/json")
    }

    static func writePath(_ path: String, dryRun: Bool, fieldManager: String?) -> String {
        var items: [(String, String)] = []
        if dryRun { items.append(("dryRun", "All")) }
        if let fieldManager { items.append(("fieldManager", fieldManager)) }
        guard !items.isEmpty else { return path }
        let joiner = path.contains("?") ? "&" : "?"
        return path + joiner + items.map { "\($0.0)=\($0.1.pathEscaped)" }.joined(separator: "&")
    }
}
