import Foundation
import Testing

@testable import ClusterModel
@testable import Timeline

@Suite("Incident recording")
struct IncidentRecordingTests {
    static let pod = PodSummary(
        namespace: "demo", name: "web-1", nodeName: "worker-1", controller: OwnerRef(kind: "ReplicaSet", name: "web-7f")
    )
    static let replicaSet = WorkloadSummary(
        kind: "ReplicaSet", namespace: "demo", name: "web-7f", desiredReplicas: 1,
        controller: OwnerRef(kind: "Deployment", name: "web"))

    static func warning(_ name: String, on object: String, kind: String = "Pod", count: Int) -> EventSummary {
        EventSummary(
            namespace: "demo", name: name, type: "Warning", reason: "BackOff", message: "Back-off restarting",
            involvedObject: .init(kind: kind, namespace: "demo", name: object), count: count,
            firstSeen: TemporaryJournal.at(1), lastSeen: TemporaryJournal.at(Double(count)))
    }

    @Test func observationsAreRecordedWhenNewOrGrownWithTheirWorkloadAndNode() {
        var recording = IncidentRecording(context: "test")
        let snapshot = ClusterSnapshot(pods: [Self.pod], workloads: [Self.replicaSet])
        let first = oomObservation(count: 1, firstSeen: TemporaryJournal.at(1), lastSeen: TemporaryJournal.at(1))
        let drafts = recording.record([first], snapshot: snapshot, at: TemporaryJournal.at(1))
        #expect(drafts.count == 1)
        #expect(drafts.first?.evidence["workload"] == "Deployment/demo/web")
        #expect(drafts.first?.evidence["node"] == "worker-1")
        #expect(recording.record([first], snapshot: snapshot, at: TemporaryJournal.at(2)).isEmpty)
        let grown = oomObservation(count: 2, firstSeen: TemporaryJournal.at(1), lastSeen: TemporaryJournal.at(3))
        #expect(recording.record([grown], snapshot: snapshot, at: TemporaryJournal.at(3)).count == 1)
        #expect(
            recording.touched == ["Pod/demo/web-1", "Deployment/demo/web", "ReplicaSet/demo/web-7f", "Node//worker-1"])
    }

    @Test func warningEventsAreRecordedOnlyOnTouchedObjectsAndWhenTheirCountGrows() {
        var recording = IncidentRecording(context: "test")
        let sibling = PodSummary(
            namespace: "demo", name: "web-2", controller: OwnerRef(kind: "ReplicaSet", name: "web-7f"))
        func snapshot(firstCount: Int) -> ClusterSnapshot {
            ClusterSnapshot(
                pods: [Self.pod, sibling],
                events: [
                    Self.warning("e1", on: "web-1", count: firstCount), Self.warning("e2", on: "other", count: 5),
                    Self.warning("e3", on: "web-2", count: 1),
                ],
                workloads: [Self.replicaSet])
        }
        let untouched = recording.record(snapshot: snapshot(firstCount: 1), at: TemporaryJournal.at(1))
        #expect(untouched.isEmpty, "nothing touched yet")
        let observation = oomObservation(count: 1, firstSeen: TemporaryJournal.at(1), lastSeen: TemporaryJournal.at(1))
        let drafts = recording.record([observation], snapshot: snapshot(firstCount: 1), at: TemporaryJournal.at(1))
        #expect(drafts.map(\.kind) == [.observation, .warningEvent, .warningEvent])
        #expect(drafts.compactMap(\.subject?.name) == ["web-1", "web-1", "web-2"], "web-2 shares web-1's workload")
        #expect(recording.record(snapshot: snapshot(firstCount: 1), at: TemporaryJournal.at(2)).isEmpty)
        let grown = recording.record(snapshot: snapshot(firstCount: 3), at: TemporaryJournal.at(3))
        #expect(grown.compactMap(\.occurrence?.count) == [3])
    }

    @Test func theRecorderWritesChangesBetweenSnapshotsIntoTheIncident() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        let recorder = IncidentRecorder(journal: store.journal, incident: incident.id, context: "test")
        let before = ClusterSnapshot(workloads: [ChangeDetectorTests.deployment()], generation: 1)
        #expect(try await recorder.record(snapshot: before, at: TemporaryJournal.at(1)).isEmpty)
        let after = ClusterSnapshot(
            workloads: [ChangeDetectorTests.deployment(replicas: 3, version: "2")], generation: 2)
        let written = try await recorder.record(snapshot: after, at: TemporaryJournal.at(2))
        #expect(written.map(\.kind) == [.changeSeen])
        #expect(
            try await store.journal.entries(of: incident.id).map(\.summary) == [
                "scaled Deployment kube-system/coredns from 2 to 3 replicas"
            ])
    }
}
