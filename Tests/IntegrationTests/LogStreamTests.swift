import ClusterModel
import ClusterSim
import Foundation
import TestSupport
import Testing

/// `KubeClient`'s log requests against the simulator over HTTPS: one-shot reads, follow streams as the simulated
/// clock moves, and the server's refusals.
@Suite("Container logs over HTTPS")
struct LogStreamTests {
    /// A simulator served on loopback with a client for its admin; stopped after `body`.
    static func withClient(_ body: (SimCluster, KubeClient) async throws -> Void) async throws {
        let served = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike"))
        let path = served.kubeconfigPath
        let endpoint = try KubeconfigLoader(
            environment: KubeconfigEnvironment(
                variables: [:], homeDirectory: (path as NSString).deletingLastPathComponent)
        ).load(kubeconfigPath: path)
        let client = try KubeClient(endpoint: endpoint)
        do {
            try await body(served.cluster, client)
        } catch {
            try? await client.shutdown()
            await served.stop()
            throw error
        }
        try await client.shutdown()
        await served.stop()
    }

    static func corednsPod(_ client: KubeClient) async throws -> PodSummary {
        let pods = try await client.list(PodSummary.self, .pods, namespace: "kube-system")
        return try #require(pods.items.filter { $0.labels["app"] == "kube-dns" }.min { $0.name < $1.name })
    }

    @Test func followYieldsTheTailThenLinesAsTheClockMovesAndFinishesAtTheOOMKill() async throws {
        try await Self.withClient { cluster, client in
            await cluster.advance(bySeconds: 30)
            let pod = try await Self.corednsPod(client)
            let request = LogRequest(namespace: "kube-system", pod: pod.name, tailLines: 10)
            let stream = try await client.followLog(request)
            let lines = Recorder<LogLine>()
            let reader = Task {
                for try await batch in stream { for line in batch { lines.append(line) } }
            }
            try await eventually("the tail of ten lines") { lines.all.count >= 10 }
            #expect(lines.all.count == 10)
            #expect(lines.all.allSatisfy { $0.time != nil })
            for _ in 0..<400 where await cluster.logFollowCount > 0 {
                await cluster.advance(bySeconds: 1)
            }
            try await reader.value
            let killed = try await client.get(PodSummary.self, .pods, namespace: "kube-system", name: pod.name)
            let termination = try #require(killed.containerStatuses.first?.lastState.termination)
            #expect(termination.reason == "OOMKilled")
            let all = lines.all
            #expect(all.count > 200, "lines arrived while the clock moved")
            #expect(all.last?.time == termination.finishedAt, "the stream ends at the kill")
            #expect(all.last?.text.contains("of 170Mi limit") == true)
            #expect(zip(all, all.dropFirst()).allSatisfy { ($0.time ?? .distantPast) <= ($1.time ?? .distantPast) })
        }
    }

    @Test func aConsumerThatStopsClosesTheStream() async throws {
        try await Self.withClient { cluster, client in
            let pod = try await Self.corednsPod(client)
            let lines = Recorder<LogLine>()
            let consumer = Task {
                let stream = try await client.followLog(
                    LogRequest(namespace: "kube-system", pod: pod.name, tailLines: 1))
                for try await batch in stream { for line in batch { lines.append(line) } }
            }
            try await eventually("the first line") { !lines.all.isEmpty }
            #expect(await cluster.logFollowCount == 1)
            consumer.cancel()
            // The server reads while it streams, so it sees the connection close at once (well under a second on an
            // idle machine), not when a later write fails; the bound leaves room for a loaded parallel test run.
            try await eventually("the server sees the stream closed", timeout: 15) {
                await cluster.advance(bySeconds: 1)
                return await cluster.logFollowCount == 0
            }
        }
    }

    @Test func previousLogIsTheKilledRunAndMissingOneIsTheServersRefusal() async throws {
        try await Self.withClient { cluster, client in
            let pod = try await Self.corednsPod(client)
            let request = LogRequest(namespace: "kube-system", pod: pod.name, previous: true)
            await #expect {
                try await client.log(request)
            } throws: { error in
                (error as? KubeClientError)?.apiError?.message
                    == "previous terminated container \"coredns\" in pod \"\(pod.name)\" not found"
            }
            var restarted: PodSummary?
            for _ in 0..<600 where restarted == nil {
                await cluster.advance(bySeconds: 1)
                let now = try await client.get(PodSummary.self, .pods, namespace: "kube-system", name: pod.name)
                if case .running = now.containerStatuses.first?.state,
                    now.containerStatuses.first?.restartCount ?? 0 > 0
                {
                    restarted = now
                }
            }
            let termination = try #require(restarted?.containerStatuses.first?.lastState.termination)
            let previous = try await client.log(request)
            #expect(previous.last?.time == termination.finishedAt)
            #expect(previous.first?.time ?? .distantFuture >= termination.startedAt ?? .distantPast)
            let tail = try await client.log(LogRequest(namespace: "kube-system", pod: pod.name, tailLines: 3))
            #expect(tail.count == 3)
            #expect(Set(tail).isDisjoint(with: previous))
        }
    }
}
