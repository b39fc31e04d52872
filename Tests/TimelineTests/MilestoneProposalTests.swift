import ClusterModel
import Foundation
import Testing

@testable import Timeline

@Suite("Milestone proposals")
struct MilestoneProposalTests {
    @Test func impactStartIsTheFirstObservationAndDetectedTheFirstCriticalOne() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        var warning = oomObservation(
            pod: "web-2", count: 1, firstSeen: TemporaryJournal.at(2), lastSeen: TemporaryJournal.at(2))
        warning.severity = .warning
        warning.id = "memoryNearLimit/demo/web-2/app"
        let critical = oomObservation(count: 1, firstSeen: TemporaryJournal.at(5), lastSeen: TemporaryJournal.at(5))
        _ = try await store.journal.append(
            [
                .observation(warning, context: "test", at: TemporaryJournal.at(2)),
                .observation(critical, context: "test", at: TemporaryJournal.at(6)),
            ], to: incident.id)
        let proposals = try await store.journal.timeline(of: incident.id).proposals()
        #expect(proposals.map(\.milestone) == [.impactStarted, .detected])
        #expect(proposals.map(\.at) == [TemporaryJournal.at(2), TemporaryJournal.at(6)])
    }

    @Test func anEarlierChangeOnTheSameWorkloadMovesTheProposedImpactStartBack() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        let change = EntryDraft(
            context: "test", clusterTime: TemporaryJournal.at(1), source: "store",
            subject: ObservationSubject(kind: "Deployment", namespace: "demo", name: "web"),
            summary: "changed resources of container app", body: .changeSeen(ChangeRecord(change: .limitChange)))
        let unrelated = EntryDraft(
            context: "test", clusterTime: TemporaryJournal.at(0), source: "store",
            subject: ObservationSubject(kind: "Deployment", namespace: "demo", name: "api"),
            summary: "scaled", body: .changeSeen(ChangeRecord(change: .scale)))
        let observation = EntryDraft.observation(
            oomObservation(count: 1, firstSeen: TemporaryJournal.at(4), lastSeen: TemporaryJournal.at(4)),
            context: "test", at: TemporaryJournal.at(4), evidence: ["workload": "Deployment/demo/web"])
        _ = try await store.journal.append([unrelated, change, observation], to: incident.id)
        let impact = try #require(try await store.journal.timeline(of: incident.id).proposals().first)
        #expect(impact.milestone == .impactStarted && impact.at == TemporaryJournal.at(1))
        #expect(impact.reason.hasPrefix("earlier change seen on Deployment demo/web"))
        _ = try await store.journal.append(.milestone(.impactStarted, at: impact.at, context: "test"), to: incident.id)
        #expect(try await store.journal.timeline(of: incident.id).proposals().map(\.milestone) == [.detected])
    }
}
