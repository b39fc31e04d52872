import Foundation

/// The simulated cluster: a Kubernetes API server's state and behaviour, driven by a scenario and a clock.
/// The HTTP server (`SimServer`) hands it every request; tests may also step its clock directly.
public actor SimCluster {
    let world: ClusterWorld
    let scenario: any Scenario
    public nonisolated let tokens: SimTokens
    public nonisolated let scenarioName: String
    /// Open `follow=true` log streams, fed after every tick.
    let logFollowers = LogFollowers()
    private var lastBookmark = ContinuousClock.now
    /// How often open watches get a BOOKMARK, in real time.
    var bookmarkInterval: Duration = .seconds(60)
    /// Told when the server should stop or resume accepting connections.
    private var availabilityObservers: [@Sendable (Bool) -> Void] = []
    /// While true the running clock (`run(speed:)`) stands still; explicit steps still move it.
    public private(set) var isPaused = false
    /// The running clock's accounts: what it owes the wall clock, its progress, and tick CPU times.
    private var meter = ClockMeter()
    /// Set while a tick's work is under way: its CPU time so far, and whether the server was down when it began.
    private var tickInProgress: (cpuSeconds: Double, wasDown: Bool)?
    private let wallOrigin = ContinuousClock.now

    /// Builds the cluster for a scenario; `start` is the simulated wall-clock time of the scenario's first second.
    public init(
        scenario name: String, seed: UInt64 = 1, start: Date = Date(timeIntervalSince1970: 1_795_251_600),
        options: ScenarioOptions = ScenarioOptions(),
        tokens: SimTokens = SimTokens(admin: "firebreak-admin-token", viewer: "firebreak-viewer-token"),
        controllers: ControllerMode = .changeDriven
    ) throws(SimError) {
        guard let scenario = ScenarioCatalog.make(name, options: options) else { throw .unknownScenario(name) }
        self.scenario = scenario
        self.scenarioName = name
        self.tokens = tokens
        world = ClusterWorld(
            seed: seed, start: start.timeIntervalSince1970.rounded(.down), scenarioName: name,
            controllerMode: controllers)
        world.addBuiltInObjects()
        scenario.setUp(world)
    }

    /// Simulated time now.
    public var now: Date { Date(timeIntervalSince1970: world.now) }

    /// Simulated seconds since the scenario began.
    public var elapsedSeconds: Double { world.elapsed }

    /// Advances simulated time by whole ticks, running every controller each tick. It yields whenever the work has
    /// held the actor for `yieldInterval`, in the middle of a tick if need be, so requests (and other simulators in the
    /// same process) are served while a long stretch of simulated time passes or a busy tick runs.
    public func advance(bySeconds seconds: Double) async {
        var remaining = seconds
        var sliceStart = ContinuousClock.now
        while remaining >= world.tickSeconds {
            startTick()
            remaining -= world.tickSeconds
            while !finishTick(until: sliceStart + Self.yieldInterval, notifying: true) {
                world.store.hub.flushAll()
                await Task.yield()
                sliceStart = .now
            }
            if ContinuousClock.now - sliceStart >= Self.yieldInterval {
                await Task.yield()
                sliceStart = .now
            }
        }
        await Task.yield()
    }

    private static let yieldInterval = Duration.milliseconds(10)

    /// Advances simulated time without yielding; availability observers hear only where it ends up.
    func stepClock(bySeconds seconds: Double) {
        let wasDown = world.faults.isDown
        var remaining = seconds
        while remaining >= world.tickSeconds {
            startTick()
            _ = finishTick(until: nil, notifying: false)
            remaining -= world.tickSeconds
        }
        if wasDown != world.faults.isDown { notifyAvailability() }
        sendBookmarksIfDue()
    }

    /// Begins the next tick, after finishing one still in progress (a step taken while `advance` was yielding).
    private func startTick() {
        _ = finishTick(until: nil, notifying: true)
        tickInProgress = (cpuSeconds: 0, wasDown: world.faults.isDown)
        world.beginTick(scenario: scenario)
    }

    /// Works on the tick in progress until it is done (true) or `deadline` has passed (false); then the tick's end:
    /// watches flushed, log followers fed, its CPU time recorded, an outage that is over ended (observers told when
    /// `notifying`), bookmarks sent when due.
    private func finishTick(until deadline: ContinuousClock.Instant?, notifying: Bool) -> Bool {
        guard var progress = tickInProgress else { return true }
        let cpu = threadCPUSeconds()
        let isDone = world.continueTick(until: deadline)
        progress.cpuSeconds += threadCPUSeconds() - cpu
        tickInProgress = progress
        guard isDone else { return false }
        tickInProgress = nil
        world.store.hub.flushAll()
        logFollowers.advance(world)
        meter.recordTick(cpuSeconds: progress.cpuSeconds, wall: wallSeconds)
        if let until = world.faults.downUntil, world.now >= until {
            world.faults.isDown = false
            world.faults.downUntil = nil
        }
        if notifying, progress.wasDown != world.faults.isDown { notifyAvailability() }
        sendBookmarksIfDue()
        return true
    }

    /// A BOOKMARK to every open watch once per `bookmarkInterval` of real time, as kube-apiserver sends one about
    /// every minute: also while the clock is paused, when nothing else would tell a client its watch is alive.
    private func sendBookmarksIfDue() {
        guard ContinuousClock.now - lastBookmark >= bookmarkInterval else { return }
        lastBookmark = ContinuousClock.now
        world.store.hub.bookmarkAll(resourceVersion: world.store.resourceVersion)
    }

    /// Runs the clock at `speed` × real time until the task is cancelled. When ticks take longer than the time they
    /// simulate, the clock falls behind and catches up as fast as it can; `clockStatus()` says by how much.
    public func run(speed: Double) async {
        meter.start(speed: speed, wall: wallSeconds, simulated: world.elapsed)
        defer { meter.stop() }
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            meter.accrue(wall: wallSeconds, isPaused: isPaused)
            guard !isPaused else {
                sendBookmarksIfDue()
                continue
            }
            let whole = meter.wholeSecondsOwed
            await advance(bySeconds: whole)
            meter.advanced(whole, wall: wallSeconds, simulated: world.elapsed)
        }
    }

    /// How the running clock keeps up: simulated seconds per wall second, lag, and what a tick costs in CPU.
    public func clockStatus() -> ClockStatus { meter.status(wall: wallSeconds) }

    private var wallSeconds: Double {
        let elapsed = ContinuousClock.now - wallOrigin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// How often open watches get a BOOKMARK, in real time (a minute by default, as kube-apiserver).
    func setBookmarkInterval(_ interval: Duration) { bookmarkInterval = interval }

    /// Stops or restarts the running clock; real time that passes while paused is not made up afterwards.
    public func setPaused(_ paused: Bool) { isPaused = paused }

    /// Registers a callback for availability changes (false: refuse connections, true: accept again).
    public func onAvailabilityChange(_ observer: @escaping @Sendable (Bool) -> Void) {
        availabilityObservers.append(observer)
    }

    public var isAvailable: Bool { !world.faults.isDown }

    public var faults: FaultState { world.faults }

    /// Replaces the fault settings (the control endpoint and tests use this).
    public func setFaults(_ faults: FaultState) {
        let wasDown = world.faults.isDown
        world.faults = faults
        if wasDown != faults.isDown { notifyAvailability() }
    }

    /// Starts an outage now for `seconds` of simulated time.
    public func startOutage(seconds: Double) {
        world.startOutage(seconds: seconds)
        notifyAvailability()
    }

    /// Ends every open watch cleanly, as a server does at a watch's timeout.
    public func endWatches() { world.store.hub.endAll(cut: false) }

    /// Ends every open watch in the middle of a line.
    public func cutWatches() { world.store.hub.endAll(cut: true) }

    /// Forgets all change history: watches from an older resourceVersion get 410 Expired.
    public func expireHistory() { world.store.compactAll() }

    /// Counts of stored objects by resource plural, for status output and tests.
    public func objectCounts() -> [String: Int] {
        Dictionary(uniqueKeysWithValues: ResourceType.stored.map { ($0.plural, world.store.count($0)) })
    }

    public var watchCount: Int { world.store.hub.count }

    /// An update storm: rewrites an annotation on `count` pods at once (a MODIFIED event each), for fan-out measurements.
    public func touchPods(_ count: Int) {
        guard let table = world.store.table(.pods) else { return }
        let stamp = String(world.store.resourceVersion)
        for key in table.sortedKeys.prefix(count) {
            world.store.modify(Pod.self, key) { pod in
                pod.metadata.annotations = (pod.metadata.annotations ?? [:]).merging([
                    "sim.firebreak.dev/touched": stamp
                ]) { $1 }
                return true
            }
        }
        world.store.hub.flushAll()
    }

    /// Pods deleted (and so replaced) per simulated second by the `scale` scenario.
    public func setChurn(perSecond: Int) { world.churnPerSecond = perSecond }

    /// Keeps at most `limit` Events (nil: only the one-hour TTL): each simulated minute the oldest minutes of Events
    /// expire early while there are more, bounding memory under churn.
    public func setEventLimit(_ limit: Int?) { world.eventLimit = limit }

    public var resourceVersion: Int64 { world.store.resourceVersion }

    private func notifyAvailability() {
        if world.faults.isDown {
            world.store.hub.endAll(cut: false)
            logFollowers.finishAll()
        }
        for observer in availabilityObservers { observer(!world.faults.isDown) }
    }
}

extension ClusterWorld {
    func startOutage(seconds: Double) {
        faults.isDown = true
        faults.downUntil = now + seconds
        store.hub.endAll(cut: false)
    }
}

/// Errors from setting up or running the simulator.
public enum SimError: Error, CustomStringConvertible, Equatable {
    case unknownScenario(String)
    case bindFailed(host: String, port: Int, reason: String)
    case kubeconfigWrite(path: String, reason: String)
    case certificate(reason: String)

    public var description: String {
        switch self {
        case .unknownScenario(let name):
            "Unknown scenario '\(name)'; known scenarios: \(ScenarioCatalog.all.map(\.name).joined(separator: ", "))"
        case .bindFailed(let host, let port, let reason): "Cannot listen on \(host):\(port): \(reason)"
        case .kubeconfigWrite(let path, let reason): "Cannot write kubeconfig '\(path)': \(reason)"
        case .certificate(let reason): "Cannot make the simulator's TLS certificate: \(reason)"
        }
    }
}
