import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The simulator's HTTP/1.1 server on loopback: every request goes to the `SimCluster`; watches stream chunked.
/// During a simulated outage the listener is closed (connections are refused, the port stays reserved) and reopened on
/// the same port after.
public final class SimServer: Sendable {
    public let cluster: SimCluster
    public let host: String
    private let group: MultiThreadedEventLoopGroup
    private let state: ServerState
    /// The TLS certificate served, or nil for plain HTTP.
    public let certificate: SimCertificate?
    private let tlsContext: NIOSSLContext?

    /// A server for `cluster`; with `tls` (the default) it serves HTTPS with a fresh self-signed certificate.
    public init(cluster: SimCluster, host: String = "127.0.0.1", tls: Bool = true, threads: Int = System.coreCount)
        throws(SimError)
    {
        self.cluster = cluster
        self.host = host
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        self.state = ServerState()
        certificate = tls ? try SimCertificate.generate() : nil
        tlsContext = try certificate?.serverContext()
    }

    /// Binds (port 0: the OS picks) and returns the port; connections are served until `stop()`.
    public func start(port: Int = 0) async throws(SimError) -> Int {
        let bound = try await bind(port: port)
        // Outages close the listener and reopen it; one task applies the changes in the order they happened.
        let (changes, continuation) = AsyncStream<Bool>.makeStream()
        await cluster.onAvailabilityChange { available in continuation.yield(available) }
        await state.keepAvailabilityFeed(continuation)
        Task { [weak self] in
            for await available in changes {
                guard let self else { return }
                await self.availabilityChanged(available)
            }
        }
        return bound
    }

    /// The base URL, once started.
    public var url: String {
        get async { "\(certificate == nil ? "http" : "https")://\(host):\(await state.port)" }
    }

    public func stop() async {
        await state.closeAll()
        await state.releasePort()
        await state.endAvailabilityFeed()
        try? await group.shutdownGracefully()
    }

    private func availabilityChanged(_ available: Bool) async {
        guard available else {
            await state.closeAll()
            await state.reservePort(host: host)
            return
        }
        await state.releasePort()
        // Should the port be held for a moment after all, retry rather than stay down for good.
        let port = await state.port
        for _ in 0..<50 {
            if (try? await bind(port: port)) != nil { return }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    private func bind(port: Int) async throws(SimError) -> Int {
        let cluster = self.cluster
        let state = self.state
        let tlsContext = self.tlsContext
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext))
                    }
                    // Without pipelining assistance the connection is read while a response streams, so a client that
                    // leaves a watch or a followed log is seen at once (assistance stops reading until the response
                    // ends). Kubernetes clients do not pipeline requests.
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withPipeliningAssistance: false, withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        HTTPRequestHandler(cluster: cluster, connections: state))
                }
            }
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            let boundPort = channel.localAddress?.port ?? port
            await state.listening(channel, port: boundPort)
            return boundPort
        } catch {
            throw .bindFailed(host: host, port: port, reason: "\(error)")
        }
    }
}

/// The listener and open connections, so an outage can close them all.
actor ServerState {
    private(set) var port = 0
    private var listener: (any Channel)?
    private var connections: [ObjectIdentifier: any Channel] = [:]
    private var reservation: PortReservation?

    private var availabilityFeed: AsyncStream<Bool>.Continuation?

    func keepAvailabilityFeed(_ feed: AsyncStream<Bool>.Continuation) { availabilityFeed = feed }

    func endAvailabilityFeed() {
        availabilityFeed?.finish()
        availabilityFeed = nil
    }

    func listening(_ channel: any Channel, port: Int) {
        listener = channel
        self.port = port
    }

    func opened(_ channel: any Channel) { connections[ObjectIdentifier(channel)] = channel }

    func closed(_ channel: any Channel) { connections.removeValue(forKey: ObjectIdentifier(channel)) }

    /// Holds the port while the listener is closed for an outage.
    func reservePort(host: String) {
        releasePort()
        reservation = PortReservation(host: host, port: port)
    }

    func releasePort() {
        reservation?.release()
        reservation = nil
    }

    /// Closes the listener (waiting until its port is free) and every open connection.
    func closeAll() async {
        let closing = listener
        listener = nil
        for channel in connections.values { channel.close(promise: nil) }
        connections.removeAll()
        try? await closing?.close()
    }
}
