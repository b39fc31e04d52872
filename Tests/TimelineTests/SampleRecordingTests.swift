import Foundation
import Testing

@testable import ClusterModel
@testable import Timeline

/// What the recorder keeps for the COE's charts and suggestions.
@Suite("Samples and evidence for the COE")
struct SampleRecordingTests {
    static let web = PodSummary(
        namespace: "demo", name: "web-1", nodeName: "worker-1", labels: ["app": "web"],
        controller: OwnerRef(kind: "ReplicaSet", name: "web-7f"),
        containers: [
            ContainerSpecSummary(
                name: "app", resources: ContainerResources(memoryRequestBytes: 64 << 20, memoryLimitBytes: 170 << 20))
        ],
        containerStatuses: [ContainerStatusSummary(name: "app", restartCount: 4)])
    static let sibling = PodSummary(
        namespace: "demo", name: "web-2", controller: OwnerRef(kind: "ReplicaSet", name: "web-7f"),
        containerStatuses: [ContainerStatusSummary(name: "app", restartCount: 1)])
    static let other = PodSummary(namespace: "demo", name: "db-0")
    static let snapshot = ClusterSnapshot(
        pods: [web, sibling, other],
        workloads: [
            WorkloadSummary(
                kind: "ReplicaSet", namespace: "demo", name: "web-7f", desiredReplicas: 2,
                controller: OwnerRef(kind: "Deployment", name: "web")),
            WorkloadSummary(kind: "Deployment", namespace: "demo", name: "web", desiredReplicas: 2),
        ])

    static func metrics(_ pods: [String]) -> MetricsSnapshot {
        MetricsSnapshot(
            containers: Dictionary(
                uniqueKeysWithValues: pods.map { pod in
                    (
                        ContainerRef(namespace: "demo", pod: pod, container: "app"),
                        ContainerUsage(workingSetBytes: 150 << 20, memoryLimitBytes: 170 << 20, cpuThrottleRatio: 0.3)
                    )
                }))
    }

    @Test func samplesAreKeptOnlyForTouchedPodsAndTheirWorkloadsPodsOncePerClusterTime() {
        var recording = IncidentRecording(context: "test")
        let scrape = Self.metrics(["web-1", "web-2", "db-0"])
        #expect(
            recording.samples(scrape, snapshot: Self.snapshot, at: TemporaryJournal.at(1)).isEmpty, "nothing touched")
        let observation = oomObservation(count: 1, firstSeen: TemporaryJournal.at(1), lastSeen: TemporaryJournal.at(1))
        _ = recording.record([observation], snapshot: Self.snapshot, at: TemporaryJournal.at(1))
        let samples = recording.samples(scrape, snapshot: Self.snapshot, at: TemporaryJournal.at(2))
        #expect(samples.map(\.subject.name) == ["web-1", "web-2"], "web-2 shares web-1's Deployment; db-0 is apart")
        #expect(samples.first?.workload == "Deployment/demo/web")
        #expect(samples.map(\.restarts) == [4, 1])
        #expect(samples.first?.workingSetBytes == 150 << 20 && samples.first?.memoryLimitBytes == 170 << 20)
        #expect(samples.first?.throttlingRatio == 0.3)
        #expect(recording.samples(scrape, snapshot: Self.snapshot, at: TemporaryJournal.at(2)).isEmpty, "same time")
        #expect(recording.samples(scrape, snapshot: Self.snapshot, at: TemporaryJournal.at(3)).count == 2)
    }

    @Test func anObservationCarriesTheFactsTheSuggestionsRead() {
        var recording = IncidentRecording(context: "test")
        let covered = ClusterSnapshot(
            pods: [Self.web], workloads: Self.snapshot.workloads,
            podDisruptionBudgets: [PDBSummary(namespace: "demo", name: "web-pdb", matchLabels: ["app": "web"])])
        let observation = oomObservation(count: 1, firstSeen: TemporaryJournal.at(1), lastSeen: TemporaryJournal.at(1))
        let web1 = Observation(
            id: "oomKilled/demo/web-1/app", kind: .oomKilled, severity: .critical,
            subject: ObservationSubject(kind: "Pod", namespace: "demo", name: "web-1", container: "app"),
            firstSeen: observation.firstSeen, lastSeen: observation.lastSeen, summary: "OOMKilled")
        let evidence = recording.record([web1], snapshot: covered, at: TemporaryJournal.at(1)).first?.evidence
        #expect(evidence?["memoryRequestBytes"] == .number(Double(64 << 20)))
        #expect(evidence?["memoryLimitBytes"] == .number(Double(170 << 20)))
        #expect(evidence?["desiredReplicas"] == .number(2))
        #expect(evidence?["disruptionBudget"] == "web-pdb")
        var uncovered = IncidentRecording(context: "test")
        let none = uncovered.record([web1], snapshot: Self.snapshot, at: TemporaryJournal.at(1)).first?.evidence
        #expect(none?["disruptionBudget"] == "none")
    }

    @Test func samplesRoundTripThroughTheJournal() async throws {
        let temporary = try TemporaryJournal()
        defer { temporary.remove() }
        let incident = try await temporary.incident()
        var recording = IncidentRecording(context: "test")
        let observation = oomObservation(count: 1, firstSeen: TemporaryJournal.at(1), lastSeen: TemporaryJournal.at(1))
        _ = recording.record([observation], snapshot: Self.snapshot, at: TemporaryJournal.at(1))
        let samples = recording.samples(
            Self.metrics(["web-1", "web-2"]), snapshot: Self.snapshot, at: TemporaryJournal.at(2))
        try await temporary.journal.appendSamples(samples, to: incident.id)
        #expect(try await temporary.journal.samples(of: incident.id) == samples)
    }
}
