import ClusterModel
import ClusterSim
import Foundation
import TestSupport

/// A scenario served over HTTPS by a real `SimServer`, a kubeconfig written to disk and loaded by
/// `KubeconfigLoader`, and a `ClusterConnection` whose clock is the simulator's.
struct LiveCluster {
    let served: ServedSimulator
    let connection: ClusterConnection
    let clock: SimClock
    let kubeconfigPath: String
    let start: Date
    let observations = Recorder<Observation>()
    let states = Recorder<ConnectionState>()
    private let followers: [Task<Void, Never>]

    var cluster: SimCluster { served.cluster }
    var server: SimServer { served.server }

    static func start(_ scenario: String, metricsInterval: Duration? = nil) async throws -> LiveCluster {
        let served = try await ServedSimulator.start(try SimCluster(scenario: scenario))
        let path = served.kubeconfigPath
        let endpoint = try KubeconfigLoader(
            environment: KubeconfigEnvironment(
                variables: [:], homeDirectory: (path as NSString).deletingLastPathComponent)
        )
        .load(kubeconfigPath: path)
        let start = await served.cluster.now
        let clock = SimClock(start)
        let connection = try ClusterConnection(
            endpoint: endpoint, metricsInterval: metricsInterval, clock: ClusterClock(source: { clock.now }))
        return LiveCluster(served: served, connection: connection, clock: clock, kubeconfigPath: path, start: start)
    }

    private init(
        served: ServedSimulator, connection: ClusterConnection, clock: SimClock, kubeconfigPath: String, start: Date
    ) {
        self.served = served
        self.connection = connection
        self.clock = clock
        self.kubeconfigPath = kubeconfigPath
        self.start = start
        let batches = connection.observationUpdates()
        let observations = observations
        followers = [
            Task { for await batch in batches { for observation in batch { observations.append(observation) } } },
            states.follow(connection.stateUpdates()),
        ]
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
        await served.stop()
    }
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
