import ClusterModel
import Foundation
import TestSupport
import Testing

/// OOM kills seen through the whole path: simulator → HTTPS → reflectors → store → signal rules.
@Suite("Memory signals from a simulated cluster over HTTPS")
struct MemorySignalTests {
    @Test func corednsOOMKillsAreObservedWithinThreeSimulatedMinutes() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            try await live.advance(seconds: 60)
            try await Task.sleep(for: .milliseconds(1500))
            #expect(await live.active(.oomKilled).isEmpty, "no OOM kill in the first simulated minute")

            try await live.advance(seconds: 120)
            try await eventually("CoreDNS OOM observations") { await !Self.coredns(live.active(.oomKilled)).isEmpty }
            let observed = Self.coredns(await live.active(.oomKilled))
            for observation in observed {
                #expect(observation.severity == .critical)
                #expect(observation.evidence["memoryLimit"] == "170Mi")
                #expect(observation.evidence["exitCode"] == "137")
                #expect(observation.evidence["reason"] == "OOMKilled")
                let offset = observation.firstSeen.timeIntervalSince(live.start)
                #expect(offset > 60 && offset <= 180, "OOM kill at +\(offset)s, expected within minutes 1–3")
            }
            let snapshot = await live.connection.store.snapshot()
            for observation in observed {
                let pod = snapshot.pods[ObjectKey(namespace: "kube-system", name: observation.subject.name)]
                #expect(pod?.labels["app"] == "kube-dns", "\(observation.subject) is a CoreDNS pod")
            }
            // Every CoreDNS pod the API server says was OOM-killed gets an observation, also on the stream.
            let client = await live.connection.client
            let listed = try await client.listAll(PodSummary.self, .pods, namespace: "kube-system")
            let killed = Set(
                listed.items.filter { pod in
                    pod.labels["app"] == "kube-dns"
                        && pod.containerStatuses.contains { $0.lastState.termination?.reason == "OOMKilled" }
                }.map(\.name))
            #expect(!killed.isEmpty)
            let streamed = {
                Set(Self.coredns(live.observations.all.filter { $0.kind == .oomKilled }).map(\.subject.name))
            }
            try await eventually("an observation for every OOM-killed CoreDNS pod") {
                await Set(Self.coredns(live.active(.oomKilled)).map(\.subject.name)) == killed && streamed() == killed
            }
        }
    }

    @Test func ingressInflightOOMIsObservedOnEveryReplica() async throws {
        try await LiveCluster.with("ingress-inflight-oom") { live in
            try await live.advance(seconds: 360, step: 15)
            try await eventually("an OOM observation on each skipper replica") {
                Set(await Self.skipper(live.active(.oomKilled)).map(\.subject.name)).count == 3
            }
            let observed = Self.skipper(await live.active(.oomKilled))
            let replicas = await live.connection.store.snapshot().pods.values.filter {
                $0.namespace == "kube-system" && $0.labels["app"] == "skipper-ingress"
            }
            #expect(Set(observed.map(\.subject.name)) == Set(replicas.map(\.name)))
            #expect(observed.allSatisfy { $0.evidence["memoryLimit"] == "500Mi" && $0.subject.container == "skipper" })
        }
    }

    static func coredns(_ observations: [Observation]) -> [Observation] {
        observations.filter { $0.subject.namespace == "kube-system" && $0.subject.container == "coredns" }
    }

    static func skipper(_ observations: [Observation]) -> [Observation] {
        observations.filter { $0.subject.namespace == "kube-system" && $0.subject.container == "skipper" }
    }
}
