import ClusterModel
import ClusterSim
import Foundation

/// A scenario served over HTTPS by a real `SimServer`, a kubeconfig written to disk and loaded by
/// `KubeconfigLoader`, and a `ClusterConnection` whose clock is the simulator's.
struct LiveCluster {
    let cluster: SimCluster
    let server: SimServer
    let connection: ClusterConnection
    let clock: SimClock
    let kubeconfigPath: String
    let start: Date
    let observations = Recorder<Observation>()
    let states = Recorder<ConnectionState>()
    private let followers: [Task<Void, Never>]

    static func start(_ scenario: String, metricsInterval: Duration? = nil) async throws -> LiveCluster {
        let cluster = try SimCluster(scenario: scenario)
        let server = try SimServer(cluster: cluster, threads: 1)
        _ = try await server.start()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-it-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("config").path
        try SimKubeconfig.write(
            to: path, server: await server.url, token: "firebreak-admin-token",
            certificateAuthorityPEM: server.certificate?.certificatePEM)
        let endpoint = try KubeconfigLoader(
            environment: KubeconfigEnvironment(variables: [:], homeDirectory: folder.path)
        )
        .load(kubeconfigPath: path)
        let start = await cluster.now
        let clock = SimClock(start)
        let connection = try ClusterConnection(endpoint: endpoint, metricsInterval: metricsInterval, now: { clock.now })
        return LiveCluster(
            cluster: cluster, server: server, connection: connection, clock: clock, kubeconfigPath: path,
            start: start)
    }

    private init(
        cluster: SimCluster, server: SimServer, connection: ClusterConnection, clock: SimClock,
        kubeconfigPath: String, start: Date
    ) {
        self.cluster = cluster
        self.server = server
        self.connection = connection
        self.clock = clock
        self.kubeconfigPath = kubeconfigPath
        self.start = start
        followers = [observations.follow(connection.observations), states.follow(connection.states)]
    }

    /// Starts the connection and waits until every resource has been listed.
    func connect() async throws {
        await connection.start()
        try await eventually("connected", timeout: 30) { states.all.contains(.connected) }
    }

    /// Simulated seconds since the scenario began (as seen by the test, not the server).
    var elapsed: TimeInterval { clock.now.timeIntervalSince(start) }

    /// Steps the simulator `seconds` forward in `step`-second strides, giving the client a moment between strides.
    func advance(seconds: Double, step: Double = 10, pause: Duration = .milliseconds(30)) async throws {
        var remaining = seconds
        while remaining > 0 {
            let stride = min(step, remaining)
            await cluster.advance(bySeconds: stride)
            clock.set(await cluster.now)
            remaining -= stride
            try await Task.sleep(for: pause)
        }
    }

    /// Advances until `condition` holds (checked after each stride) or `limit` simulated seconds have passed.
    func advance(
        upTo limit: Double, step: Double = 10, pause: Duration = .milliseconds(30),
        until condition: () async -> Bool
    ) async throws -> Bool {
        var passed = 0.0
        while passed < limit {
            try await advance(seconds: step, step: step, pause: pause)
            passed += step
            if await condition() { return true }
        }
        return false
    }

    func active(_ kind: ObservationKind) async -> [Observation] {
        await connection.currentObservations().filter { $0.kind == kind }
    }

    func stop() async {
        await connection.stop()
        followers.forEach { $0.cancel() }
        await server.stop()
        try? FileManager.default.removeItem(atPath: (kubeconfigPath as NSString).deletingLastPathComponent)
    }
}

struct Timeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Polls `condition` in real time until it holds; throws `Timeout` after `timeout` seconds.
func eventually(_ what: String, timeout: Double = 20, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw Timeout(what: what)
}

extension LiveCluster {
    /// Starts `scenario`, runs `body`, and stops everything on every path.
    static func with(
        _ scenario: String, metricsInterval: Duration? = nil,
        _ body: (LiveCluster) async throws -> Void
    ) async throws {
        let live = try await LiveCluster.start(scenario, metricsInterval: metricsInterval)
        do {
            try await live.connect()
            try await body(live)
        } catch {
            await live.stop()
            throw error
        }
        await live.stop()
    }
}
