import ClusterModel
import Foundation
import Testing

@testable import Timeline

@Suite("Milestone order")
struct MilestoneOrderTests {
    static let set: [Milestone: Date] = [
        .impactStarted: TemporaryJournal.at(0), .detected: TemporaryJournal.at(5), .mitigated: TemporaryJournal.at(20),
    ]

    @Test(arguments: [
        (Milestone.detected, -1.0, Milestone.impactStarted),
        (.impactStarted, 6, .detected),
        (.acknowledged, 4, .detected),
        (.acknowledged, 21, .mitigated),
        (.resolved, 19, .mitigated),
        (.mitigated, 4, .detected),
    ])
    func anEditThatWouldCrossAMilestoneIsRefusedNamingIt(milestone: Milestone, minutes: Double, crossed: Milestone) {
        #expect(throws: TimelineError.self) {
            try MilestoneOrder.check(milestone, at: TemporaryJournal.at(minutes), against: Self.set)
        }
        do {
            try MilestoneOrder.check(milestone, at: TemporaryJournal.at(minutes), against: Self.set)
        } catch {
            guard case .milestoneOrder(_, _, let crossing, _) = error else { return }
            #expect(crossing == crossed)
            #expect(error.description.contains(crossed.title), "\(error.description)")
            #expect(error.description.contains(milestone.title), "\(error.description)")
        }
    }

    @Test(arguments: [
        (Milestone.acknowledged, 5.0), (.acknowledged, 12), (.resolved, 20), (.resolved, 90), (.detected, 0),
    ])
    func aMilestoneBetweenItsNeighboursOrEqualToOneIsAccepted(milestone: Milestone, minutes: Double) throws {
        try MilestoneOrder.check(milestone, at: TemporaryJournal.at(minutes), against: Self.set)
    }

    @Test func theJournalEnforcesTheOrderAndKeepsTheEarlierValue() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        _ = try await store.journal.append(
            [
                .milestone(.impactStarted, at: TemporaryJournal.at(1), context: "test"),
                .milestone(.detected, at: TemporaryJournal.at(4), context: "test"),
            ], to: incident.id)
        do {
            _ = try await store.journal.append(
                .milestone(.impactStarted, at: TemporaryJournal.at(6), context: "test"), to: incident.id)
            Issue.record("moving impact start after detection was accepted")
        } catch let error as TimelineError {
            #expect(
                error.description
                    == "impact started at 2026-11-18T11:12:40Z would come after detected at 2026-11-18T11:10:40Z; "
                    + "milestones keep the order impact started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved")
        }
        let timeline = try await store.journal.timeline(of: incident.id)
        #expect(timeline.milestones[.impactStarted] == TemporaryJournal.at(1))
        _ = try await store.journal.append(
            .milestone(.impactStarted, at: TemporaryJournal.at(2), context: "test"), to: incident.id)
        #expect(try await store.journal.timeline(of: incident.id).milestones[.impactStarted] == TemporaryJournal.at(2))
    }

    @Test func aRefusedMilestoneInABatchFailsAloneWithoutLosingOtherAppends() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        let journal = store.journal
        _ = try await journal.append(
            .milestone(.detected, at: TemporaryJournal.at(5), context: "test"), to: incident.id)
        async let note = journal.append(.note("kept", context: "test", at: TemporaryJournal.at(6)), to: incident.id)
        async let bad = journal.append(
            .milestone(.acknowledged, at: TemporaryJournal.at(1), context: "test"), to: incident.id)
        _ = try await note
        let refused: Bool
        do {
            _ = try await bad
            refused = false
        } catch {
            refused = true
        }
        #expect(refused, "acknowledged at minute 1 lies before detected at minute 5")
        let summaries = try await journal.entries(of: incident.id).map(\.summary)
        #expect(summaries == ["detected", "kept"])
    }

    @Test(arguments: [
        ("impact-started", Milestone.impactStarted), ("impact", .impactStarted), ("Impact Started", .impactStarted),
        ("detected", .detected), ("ACKNOWLEDGED", .acknowledged), ("resolved", .resolved),
    ])
    func milestoneNamesAreReadLoosely(name: String, milestone: Milestone) {
        #expect(Milestone(name: name) == milestone)
    }
}
