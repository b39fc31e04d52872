import ArgumentParser
import ClusterModel
import Foundation
import TUI

/// The console with a big cluster loaded: one frame's format-and-render time, and keypress to frame.
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render console frames with 150,000 pods loaded.")

    @Option var pods = 150_000
    @Option var nodes = 5_000
    @Option(help: "Frames per measurement (the median is reported).") var frames = 200

    func run() throws {
        print("# TUI rendering: \(pods) pods on \(nodes) nodes")
        let now = Date()
        let data = ClusterData(snapshot: Self.cluster(pods: pods, nodes: nodes, now: now), now: now)
        var rows: ClusterRows?
        let build = Self.time { rows = ClusterRows(data) }
        guard let rows else { return }
        print("pane rows built from the snapshot (off the UI loop): \(Self.ms(build)) ms")
        var swapped = ClusterConsole()
        let swapState = ClusterConsole.initialState(size: Size(width: 80, height: 24))
        _ = swapped.update(rows, data: data, state: swapState)
        let swap = Self.time { _ = swapped.update(rows, data: data, state: swapState) }
        print(
            "a cluster update swapped into the UI loop (search index, every pane's query, counts): \(Self.ms(swap)) ms")

        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            var console = ClusterConsole()
            var state = ClusterConsole.initialState(size: size)
            state.focus = .pods
            for event in console.update(rows, data: data, state: state) { _ = reduce(&state, event) }
            let plain = median { _ = ConsoleView(state: state, header: header, providers: console.providers).render() }
            print("\(size) unsorted, unfiltered frame: \(Self.ms(plain)) ms (baseline)")

            var sortedState = state
            var sorted = console
            let sortTime = Self.time {
                _ = sorted.apply(PaneQuery(sort: SortOrder(column: 4, isAscending: false)), to: .pods)
            }
            sortedState.panes[.pods]?.query.sort = SortOrder(column: 4, isAscending: false)
            let sortedFrame = median {
                _ = ConsoleView(state: sortedState, header: header, providers: sorted.providers).render()
            }
            print(
                "\(size) sorted by restarts frame: \(Self.ms(sortedFrame)) ms (\(Self.ratio(sortedFrame, plain)) baseline); the sort itself \(Self.ms(sortTime)) ms"
            )

            var filtered = console
            let query = PaneQuery(filter: RowFilter(parsing: "ns:team-7 web"), sort: SortOrder(column: 1))
            let filterTime = Self.time { _ = filtered.apply(query, to: .pods) }
            var filteredState = state
            filteredState.panes[.pods]?.query = query
            let filteredFrame = median {
                _ = ConsoleView(state: filteredState, header: header, providers: filtered.providers).render()
            }
            print(
                "\(size) filtered (\(filtered.pods.rowCount) of \(pods)) and sorted frame: \(Self.ms(filteredFrame)) ms (\(Self.ratio(filteredFrame, plain)) baseline); the filter and sort \(Self.ms(filterTime)) ms"
            )

            keypressToFrame(console: console, state: state, size: size)
        }
    }

    private var header: HeaderBar {
        ConnectionStatus(context: "bench", server: "https://127.0.0.1:6443").header(
            wallClock: Date(), clusterClock: Date())
    }

    /// Reduce, perform, render and diff against the previous frame, as the UI loop does. A query on the Pods pane
    /// above `ClusterConsole.backgroundQueryRows` runs as `EffectRunner` runs it: ordered on another thread while the
    /// loop draws the previous order, then adopted; both the keypress's frame and the ordered frame are timed.
    private func keypressToFrame(console initial: ClusterConsole, state initialState: AppState, size: Size) {
        let terminal = MemoryTerminal(size: size)
        var console = initial
        var state = initialState
        func draw() { terminal.draw(ConsoleView(state: state, header: header, providers: console.providers).render()) }
        /// Seconds to the keypress's frame, and to the frame with the new order (the same when ordered on the loop).
        func frame(_ keys: [Key]) -> (key: Double, ordered: Double) {
            let start = ContinuousClock.now
            var background: (query: PaneQuery, result: LatestValue<[Int]>, done: DispatchSemaphore)?
            var pending = keys.map(AppEvent.keyPressed)
            while !pending.isEmpty {
                for effect in reduce(&state, pending.removeFirst()) {
                    guard case .applyQuery(let pane, let query) = effect else { continue }
                    if pane == .pods, console.pods.totalCount >= ClusterConsole.backgroundQueryRows {
                        let copy = console.pods
                        let result = LatestValue<[Int]>()
                        let done = DispatchSemaphore(value: 0)
                        Thread.detachNewThread {
                            result.value = copy.order(for: query)
                            done.signal()
                        }
                        background = (query, result, done)
                    } else {
                        pending += console.apply(query, to: pane)
                    }
                }
            }
            draw()
            let key = Self.seconds(ContinuousClock.now - start)
            guard let background else { return (key, key) }
            background.done.wait()
            if let order = background.result.take(),
                let events = console.adoptPodsOrder(order, for: background.query, generation: console.pods.generation)
            {
                for event in events { _ = reduce(&state, event) }
            }
            draw()
            return (key, Self.seconds(ContinuousClock.now - start))
        }
        draw()
        let down = (0..<frames).map { _ in frame([.down]).key }.sorted()
        let pageDown = (0..<frames).map { _ in frame([.pageDown]).key }.sorted()
        _ = frame([.right, .right, .right, .right])
        let runs = 21
        let sort = (0..<runs).map { _ in frame([.character("s")]) }
        let filterKeys: [Key] = [.character("/")] + "web-1".map(Key.character) + [.enter]
        let filter = (0..<runs).map { _ in frame(filterKeys) }
        func percentiles(_ values: [Double]) -> String {
            let sorted = values.sorted()
            return "p50 \(Self.ms(sorted[sorted.count / 2])) / p99 \(Self.ms(sorted[(sorted.count * 99) / 100])) ms"
        }
        print("\(size) keypress to frame: down \(percentiles(down)), page down \(percentiles(pageDown))")
        print(
            "\(size) sort by restarts (\(runs) runs): keypress to frame \(percentiles(sort.map(\.key))); "
                + "to the sorted frame \(percentiles(sort.map(\.ordered)))")
        print(
            "\(size) filter 'web-1' on Enter (\(runs) runs): keypress to frame \(percentiles(filter.map(\.key))); "
                + "to the filtered frame \(percentiles(filter.map(\.ordered)))")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func median(_ body: () -> Void) -> Double {
        body()
        return (0..<frames).map { _ in Self.time(body) }.sorted()[frames / 2]
    }

    static func time(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1000) }
    static func ratio(_ value: Double, _ baseline: Double) -> String {
        String(format: "%.2f×", value / max(baseline, 1e-9))
    }

    /// A synthetic cluster: pods spread over namespaces and nodes, some restarting, some OOM-killed.
    static func cluster(pods: Int, nodes: Int, now: Date) -> ClusterSnapshot {
        let mi: Int64 = 1_048_576
        let nodeList = (0..<nodes).map { index in
            NodeSummary(
                name: "node-\(index)", ready: ConditionSummary(status: .isTrue), allocatableCPUMillis: 8_000,
                allocatableMemoryBytes: 32_000 * mi, allocatablePods: 110,
                createdAt: now.addingTimeInterval(-86_400 * 30))
        }
        let podList = (0..<pods).map { index in
            let restarts = index % 97 == 0 ? index % 13 : 0
            let last: ContainerState =
                restarts > 0
                ? .terminated(
                    Termination(
                        reason: index % 2 == 0 ? "OOMKilled" : "Error", exitCode: index % 2 == 0 ? 137 : 1,
                        finishedAt: now.addingTimeInterval(-Double(index % 3_600))))
                : .none
            return PodSummary(
                namespace: "team-\(index % 50)", name: "\(["web", "api", "worker"][index % 3])-\(index)",
                nodeName: "node-\(index % nodes)", createdAt: now.addingTimeInterval(-Double(index % 86_400)),
                containers: [
                    ContainerSpecSummary(
                        name: "main",
                        resources: ContainerResources(
                            cpuRequestMillis: 100, memoryRequestBytes: 128 * mi, memoryLimitBytes: 256 * mi))
                ],
                containerStatuses: [ContainerStatusSummary(name: "main", restartCount: restarts, lastState: last)])
        }
        return ClusterSnapshot(nodes: nodeList, pods: podList)
    }
}
