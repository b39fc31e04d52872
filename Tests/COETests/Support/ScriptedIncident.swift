import ClusterModel
import ClusterSim
import Foundation
import TestSupport
import Timeline

/// A scripted `coredns-dns-spike` incident, recorded for real: the scenario (fixed seed) served over HTTPS by
/// `ServedSimulator`, a `ClusterConnection`'s store on the simulator's clock, an `IncidentRecorder` writing
/// observations, Warning events, changes seen and samples into a SQLite journal, `kubectl` making the changes, the
/// engineer's note, milestones and written sections appended as the console would. The simulator's clock moves only
/// in the script's 10-second steps; after each step the script waits for the store to catch up, scrapes the metrics
/// and evaluates the signals once (the connection's own evaluation and scrapes run on real time, so the moment they
/// happen varies from run to run), and records what they give: every run writes the same journal, ids and wall
/// times apart. `ConnectionRecordingTests` covers the live subscription path.
struct ScriptedIncident: Sendable {
    /// Planted in a container's environment (through `kubectl set env`) and in a Warning event's message.
    static let plantedToken = "fbk-planted-3f9a1c7e5b2d4068e1a9"

    let journal: SQLiteJournal
    let incident: Incident
    let stateDirectory: String
    let start: Date
    /// What `kubectl get deployment coredns -o json` returned after the token was planted (it holds the token).
    let deploymentJSON: String

    /// One run per test process, shared by the suites that read it.
    static func shared() async throws -> ScriptedIncident { try await Cache.shared.value() }

    actor Cache {
        static let shared = Cache()
        private var task: Task<ScriptedIncident, any Error>?

        func value() async throws -> ScriptedIncident {
            if let task { return try await task.value }
            let task = Task { try await ScriptedIncident.record() }
            self.task = task
            return try await task.value
        }
    }

    static func record() async throws -> ScriptedIncident {
        let served = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike", seed: 7))
        let kubeconfig = served.kubeconfigPath
        let endpoint = try KubeconfigLoader(
            environment: KubeconfigEnvironment(
                variables: [:], homeDirectory: (kubeconfig as NSString).deletingLastPathComponent)
        ).load(kubeconfigPath: kubeconfig)
        let start = await served.cluster.now
        let clock = SimClock(start)
        let connection = try ClusterConnection(
            endpoint: endpoint, metricsInterval: nil, clock: ClusterClock(source: { clock.now }))
        let stateDirectory = NSTemporaryDirectory() + "firebreak-coe-scripted-\(UUID().uuidString)"
        let journal = try SQLiteJournal(directory: StateDirectory(path: stateDirectory))
        let incident = try await journal.openIncident(
            title: "DNS lookups failing", context: endpoint.contextName, at: start)
        let recorder = IncidentRecorder(journal: journal, incident: incident.id, context: endpoint.contextName)
        let states = Recorder<ConnectionState>()
        let followers = [states.follow(connection.stateUpdates())]
        let script = Script(
            served: served, connection: connection, clock: clock, journal: journal, incident: incident,
            kubeconfig: kubeconfig, recorder: recorder,
            steps: Steps(scraper: MetricsScraper(client: await connection.client)))
        var deploymentJSON = ""
        do {
            await connection.start()
            try await eventually("connected", timeout: 30) { states.all.contains(.connected) }
            try await script.settle()
            deploymentJSON = try await script.run()
        } catch {
            await script.stop(followers)
            throw error
        }
        await script.stop(followers)
        return ScriptedIncident(
            journal: journal, incident: try await journal.incident(matching: incident.id.uuidString),
            stateDirectory: stateDirectory, start: start, deploymentJSON: deploymentJSON)
    }
}

struct ScriptFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The steps of the story, on the simulator's clock.
private struct Script {
    let served: ServedSimulator
    let connection: ClusterConnection
    let clock: SimClock
    let journal: SQLiteJournal
    let incident: Incident
    let kubeconfig: String
    let recorder: IncidentRecorder
    let steps: Steps

    /// Returns the Deployment as kubectl read it after the token was planted.
    func run() async throws -> String {
        try await advance(seconds: 50)
        // Someone changes the CoreDNS Deployment (a rollout), with a token in its environment.
        try kubectl(
            [
                "-n", "kube-system", "set", "env", "deployment/coredns",
                "UPSTREAM_API_TOKEN=\(ScriptedIncident.plantedToken)",
            ])
        let deployment = try kubectl(["-n", "kube-system", "get", "deployment", "coredns", "-o", "json"])
        try await eventually("the rollout seen") {
            try await settle()
            return try await entries(.changeSeen).count >= 1
        }
        // The cache outgrows the limit: run until the first OOM kill is recorded, and a minute more.
        var waited = 0.0
        while try await observations(.oomKilled).isEmpty {
            guard waited < 300 else { throw ScriptFailure(message: "no OOM kill recorded in 300 s") }
            try await advance(seconds: 10)
            waited += 10
        }
        try await advance(seconds: 60)
        let now = clock.now
        _ = try await journal.append(
            .note("coredns pods restarting; shop reports DNS timeouts", context: incident.context, at: now),
            to: incident.id)
        try await createWarningEvent()
        try await eventually("the planted Warning event recorded") {
            try await settle()
            return try await entries(.warningEvent).contains { $0.evidence["reason"] == "UpstreamAuthFailed" }
        }
        // Take Firebreak's proposals for impact start and detection, as `incident milestone NAME` does.
        for proposal in try await journal.timeline(of: incident.id).proposals() {
            _ = try await journal.append(
                .milestone(proposal.milestone, at: proposal.at, context: incident.context), to: incident.id)
        }
        _ = try await journal.append(.milestone(.acknowledged, at: now, context: incident.context), to: incident.id)
        try await advance(seconds: 30)
        // The mitigation: a higher memory limit (seen as a limit change and a rollout).
        try kubectl(
            ["-n", "kube-system", "set", "resources", "deployment/coredns", "-c", "coredns", "--limits=memory=256Mi"])
        try await eventually("the limit change seen") {
            try await settle()
            return try await entries(.changeSeen).contains { entry in
                if case .changeSeen(let record) = entry.body { return record.change == .limitChange }
                return false
            }
        }
        let mitigated = clock.now
        _ = try await journal.append(.milestone(.mitigated, at: mitigated, context: incident.context), to: incident.id)
        try await advance(seconds: 120)
        _ = try await journal.append(
            .milestone(.resolved, at: clock.now, context: incident.context), to: incident.id)
        for (section, text) in [
            (COESection.title, "DNS lookups failed for shop for 4 minutes"),
            (
                .whys,
                """
                1. Why did DNS lookups fail? Both CoreDNS pods were OOM-killed at their 170Mi limit, again and again.
                2. Why were they OOM-killed? The cache grew with the query spike past the limit.
                3. Why was the limit that low? It was set when the cluster was a tenth of its size and never revisited.
                4. Why was it never revisited? No alert watches working set against the limit.
                5. Why is there no such alert? Memory alerts exist only per node, not per container.
                """
            ),
        ] {
            _ = try await journal.append(
                .coeSection(section, text: text, replacing: nil, context: incident.context, at: clock.now),
                to: incident.id)
        }
        return deployment
    }

    /// A Warning event on the Deployment whose message carries the planted token as a bearer credential.
    func createWarningEvent() async throws {
        let time = KubeTime.format(clock.now)
        let folder = (kubeconfig as NSString).deletingLastPathComponent
        let path = folder + "/event.json"
        let event = """
            {"apiVersion": "v1", "kind": "Event", "metadata": {"name": "coredns.upstream-auth", "namespace": "kube-system"},
             "involvedObject": {"kind": "Deployment", "namespace": "kube-system", "name": "coredns"},
             "reason": "UpstreamAuthFailed", "type": "Warning", "count": 1,
             "message": "upstream refused Authorization: Bearer \(ScriptedIncident.plantedToken)",
             "firstTimestamp": "\(time)", "lastTimestamp": "\(time)", "source": {"component": "coredns"}}
            """
        try event.write(toFile: path, atomically: true, encoding: .utf8)
        try kubectl(["create", "-f", path])
    }

    /// Steps the simulator in 10-second strides, each settled.
    func advance(seconds: Double) async throws {
        var remaining = seconds
        while remaining > 0 {
            await served.cluster.advance(bySeconds: 10)
            clock.set(await served.cluster.now)
            remaining -= 10
            try await settle()
        }
    }

    /// Waits until the store has been quiet for 300 ms, then scrapes, evaluates the signals and records the step.
    func settle() async throws {
        var generation = await connection.store.snapshot().generation
        while true {
            try await Task.sleep(for: .milliseconds(300))
            let now = await connection.store.snapshot().generation
            if now == generation { break }
            generation = now
        }
        try await steps.record(await connection.store.snapshot(), at: clock.now, into: recorder)
    }

    func entries(_ kind: EntryKind) async throws -> [JournalEntry] {
        try await journal.entries(of: incident.id).filter { $0.kind == kind }
    }

    func observations(_ kind: ObservationKind) async throws -> [JournalEntry] {
        try await entries(.observation).filter { entry in
            if case .observation(let record) = entry.body { return record.kind == kind }
            return false
        }
    }

    /// Runs the real kubectl against the simulator; returns its output.
    @discardableResult
    func kubectl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["kubectl", "--kubeconfig", kubeconfig] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ScriptFailure(
                message: "kubectl \(arguments.joined(separator: " ")): \(String(decoding: problem, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    func stop(_ followers: [Task<Void, Never>]) async {
        await connection.stop()
        followers.forEach { $0.cancel() }
        await served.stop()
    }
}

/// What the connection does on real time, done once per step: a metrics scrape at the step's time, one signal
/// evaluation against the previous step's snapshot, and the recorder fed with the new or grown observations, the
/// store's changes and the samples.
private actor Steps {
    let scraper: MetricsScraper
    private var previous: ClusterSnapshot?
    private var history = SignalHistory()
    private var current: [String: Observation] = [:]

    init(scraper: MetricsScraper) {
        self.scraper = scraper
    }

    func record(_ snapshot: ClusterSnapshot, at now: Date, into recorder: IncidentRecorder) async throws {
        let nodes = snapshot.nodes.values.filter { $0.ready?.status == .isTrue }.map(\.name).sorted()
        let (metrics, _) = await scraper.scrape(nodes: nodes, now: now)
        let result = SignalRules.evaluate(
            previous: previous, current: snapshot, metrics: metrics, history: history, now: now,
            thresholds: SignalThresholds())
        let fresh = result.observations.filter { observation in
            guard observation.isActive else { return false }
            guard let old = current[observation.id], old.isActive else { return true }
            return observation.count > old.count
        }
        history = result.history
        current = Dictionary(result.observations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        previous = snapshot
        try await recorder.record(fresh, snapshot: snapshot, at: now)
        try await recorder.record(snapshot: snapshot, at: now)
        try await recorder.record(metrics: metrics, snapshot: snapshot, at: now)
    }
}
