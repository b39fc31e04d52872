import ArgumentParser
import ClusterModel
import ClusterSim
import Foundation
import TUI

/// The log view: how soon a 10,000-line log from the simulator is on screen after `l`, and keypress to frame with a
/// 100,000-line log open.
struct LogBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Open a 10,000-line log from the simulator; keys with 100,000 lines open.")

    @Option(help: "Lines of the simulator log opened with `l`.") var lines = 10_000
    @Option(help: "Lines in the open log for keypress to frame.") var bufferLines = 100_000
    @Option(help: "Times the log is opened (the median is reported).") var runs = 7
    @Option(help: "Frames per keypress measurement (the median is reported).") var frames = 200

    @MainActor
    func run() async throws {
        try await firstFrame()
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] { keypressToFrame(size: size) }
    }

    // MARK: First frame after `l`

    /// The log of a shop frontend, grown on the stepped simulator clock to `lines` lines, opened as the console does:
    /// `reduce` of the resolved pod, the stream effect, then the real UI loop (its 100 ms wait for a key included)
    /// until the frame that shows the whole log.
    @MainActor
    private func firstFrame() async throws {
        let cluster = try SimCluster(
            scenario: "coredns-dns-spike", start: Date(),
            tokens: SimTokens(admin: ServedCluster.adminToken, viewer: "bench-viewer"))
        let served = try await ServedCluster.serve(cluster)
        let endpoint = try served.endpoint()
        let client = try KubeClient(endpoint: endpoint)
        let pods = try await client.list(PodSummary.self, .pods, namespace: "shop")
        guard let pod = pods.items.filter({ $0.labels["app"] == "frontend" }).min(by: { $0.name < $1.name }) else {
            throw ValidationError("no frontend pod in the scenario")
        }
        let whole = LogRequest(namespace: "shop", pod: pod.name, container: "web")
        var count = try await client.log(whole).count
        while count < lines {
            await cluster.advance(bySeconds: Double(max(5, (lines - count) / 4)))
            count = try await client.log(whole).count
        }
        print("# Log view: the log of shop/\(pod.name) (web), \(count) lines, over HTTPS from the simulator")

        var kubectl: [Double] = []
        for run in 0..<runs {
            let child = try Measure.run([
                "kubectl", "--kubeconfig", served.kubeconfig, "--cache-dir",
                served.folder.appendingPathComponent("cache-logs-\(run)").path, "logs", "-n", "shop", pod.name, "-c",
                "web", "--tail=100000",
            ])
            guard child.stdoutLines == count else {
                throw ValidationError("kubectl printed \(child.stdoutLines) lines")
            }
            kubectl.append(child.seconds)
        }
        var fetch: [Double] = []
        for _ in 0..<runs {
            let started = ContinuousClock.now
            _ = try await client.log(whole)
            let elapsed = ContinuousClock.now - started
            fetch.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        let connection = try ClusterConnection(endpoint: endpoint)
        var opened: [Double] = []
        var drawn: [Int] = []
        for _ in 0..<runs {
            let (seconds, frames) = openInTheLoop(pod: pod.name, expected: count, connection: connection)
            opened.append(seconds)
            drawn.append(frames)
        }
        try await client.shutdown()
        await connection.stop()
        await served.stop()
        let peer = Measure.median(kubectl)
        print("kubectl logs --tail=100000 (peer): \(RenderBench.ms(peer)) ms")
        let read = Measure.median(fetch)
        print(
            "KubeClient.log, the same lines read whole: \(RenderBench.ms(read)) ms (\(RenderBench.ratio(read, peer)) peer)"
        )
        let first = Measure.median(opened)
        print(
            "`l` to the first frame showing the whole log (200x60, the UI loop's 100 ms key wait included): "
                + "\(RenderBench.ms(first)) ms (\(RenderBench.ratio(first, peer)) peer); frames drawn on the way "
                + "\(drawn.sorted()[drawn.count / 2]); runs \(opened.map { RenderBench.ms($0) }.joined(separator: ", ")) ms"
        )
    }

    /// One opening: seconds from the resolved pod to the frame with all `expected` lines, and the frames drawn.
    @MainActor
    private func openInTheLoop(pod: String, expected: Int, connection: ClusterConnection) -> (Double, Int) {
        let size = Size(width: 200, height: 60)
        let terminal = LoopTerminal(size: size)
        let inbox = EventInbox()
        let streams = LogStreams(inbox: inbox)
        let header = ConnectionStatus(context: "bench", server: "https://127.0.0.1").header(
            wallClock: Date(), clusterClock: Date())
        let subject = LogSubject(
            namespace: "shop", pod: pod, containers: [ContainerChoice(name: "web", state: "Running")])
        func perform(_ effect: AppEffect, _ state: AppState) -> [AppEvent] {
            switch effect {
            case .openLogStream(let stream, let request): streams.open(stream, request, connection: connection)
            case .closeLogStream(let stream): streams.close(stream)
            default: break
            }
            return []
        }
        var state = ClusterConsole.initialState(size: size)
        let start = ContinuousClock.now
        terminal.start = start
        for effect in reduce(&state, .logSubjectResolved(subject)) { _ = perform(effect, state) }
        ConsoleLoop(terminal: terminal, inbox: inbox).run(
            state: &state,
            render: { state in
                terminal.isComplete = (state.logs.view?.lines.count ?? 0) >= expected
                return ConsoleView(state: state, header: header, providers: [:]).render()
            },
            perform: perform)
        streams.closeAll()
        return (terminal.completeAfter ?? 0, terminal.frames)
    }

    // MARK: Keypress to frame

    /// `reduce`, render and the diff against the previous frame for log keys, with `bufferLines` lines open.
    @MainActor
    private func keypressToFrame(size: Size) {
        let terminal = MemoryTerminal(size: size)
        let header = ConnectionStatus(context: "bench", server: "https://127.0.0.1").header(
            wallClock: Date(), clusterClock: Date())
        var state = ClusterConsole.initialState(size: size)
        let subject = LogSubject(
            namespace: "kube-system", pod: "skipper-ingress-7d9c-4xk2p",
            containers: [ContainerChoice(name: "skipper", state: "Running")])
        _ = reduce(&state, .logSubjectResolved(subject))
        let stream = state.logs.lastStream
        let batch = 10_000
        for start in stride(from: 0, to: bufferLines, by: batch) {
            _ = reduce(
                &state, .logLinesReceived(stream: stream, Self.accessLines(start..<min(bufferLines, start + batch))))
        }
        func draw() { terminal.draw(ConsoleView(state: state, header: header, providers: [:]).render()) }
        func frame(_ events: [AppEvent]) -> Double {
            RenderBench.time {
                for event in events { _ = reduce(&state, event) }
                draw()
            }
        }
        func keys(_ keys: Key...) -> [AppEvent] { keys.map(AppEvent.keyPressed) }
        /// p50 and p99 of `count` runs, as text.
        func percentiles(_ count: Int = frames, _ body: () -> Double) -> String {
            let sorted = (0..<count).map { _ in body() }.sorted()
            return "\(RenderBench.ms(sorted[count / 2]))/\(RenderBench.ms(sorted[(count * 99) / 100])) ms"
        }
        draw()
        let plain = percentiles { frame([]) }
        let up = percentiles { frame(keys(.character("k"))) }
        let pageUp = percentiles { frame(keys(.pageUp)) }
        let follow = percentiles { frame(keys(.character("G"))) }
        let wrapped = percentiles {
            _ = frame(keys(.character("w")))
            return frame(keys(.character("k")))
        }
        _ = frame(keys(.character("w"), .character("G")))
        var arriving = bufferLines
        let arrival = percentiles {
            defer { arriving += 100 }
            return frame([.logLinesReceived(stream: stream, Self.accessLines(arriving..<arriving + 100))])
        }
        let search = percentiles(21) {
            _ = frame(keys(.character("/"), .control("u")) + "504".map { .keyPressed(.character($0)) })
            return frame(keys(.enter))
        }
        let next = percentiles { frame(keys(.character("N"))) }
        print(
            "\(size) with \(state.logs.view?.lines.count ?? 0) lines, p50/p99: frame (peer) \(plain); keypress to frame: "
                + "k \(up), PgUp \(pageUp), G \(follow), k wrapped \(wrapped), "
                + "Enter on /504 (\(state.logs.view?.search?.matches.count ?? 0) matches) \(search), "
                + "N \(next); 100 lines arriving while following \(arrival)")
    }

    /// Ingress access-log lines, a 504 every 97th.
    static func accessLines(_ numbers: Range<Int>) -> [LogLine] {
        let start = Date()
        return numbers.map { number in
            let status = number % 97 == 0 ? 504 : 200
            return LogLine(
                time: start.addingTimeInterval(Double(number) / 100),
                text:
                    "10.1.\(number % 3).\(number % 200 + 20) - - [22/Nov/2026:10:\(number / 6000 % 60):\(number / 100 % 60) +0000] \"GET /search?q=item-\(number % 5000) HTTP/1.1\" \(status) \(number % 20_000 + 512) \"-\" \"Mozilla/5.0\" \(number % 900 + 4) shop.example.com - -"
            )
        }
    }
}

/// A terminal for the UI loop in a benchmark: it waits for keys as curses does (the whole timeout when none come),
/// records when the frame with the whole log is drawn, then types `q` `y` to end the loop.
private final class LoopTerminal: TerminalBackend {
    let size: Size
    var start = ContinuousClock.now
    /// Set by the render closure when the state holds the whole log.
    var isComplete = false
    private(set) var completeAfter: Double?
    private(set) var frames = 0
    private var pending: [TerminalInput] = []

    init(size: Size) {
        self.size = size
    }

    func draw(_ screen: Screen) {
        frames += 1
        guard isComplete, completeAfter == nil else { return }
        let elapsed = ContinuousClock.now - start
        completeAfter = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        pending = [.key(.character("q")), .key(.character("y"))]
    }

    func readInput(timeout: Duration) -> TerminalInput? {
        if !pending.isEmpty { return pending.removeFirst() }
        Thread.sleep(
            forTimeInterval: Double(timeout.components.attoseconds) / 1e18 + Double(timeout.components.seconds))
        return nil
    }

    func suspend() {}
    func restore() {}
}
