import ClusterModel
import Foundation
import GRDB
import Testing

@testable import Timeline

/// The committed journal written by the first schema (`journal-writer fixture`), opened by this version.
@Suite("Migrations from the committed v1 journal")
struct MigrationTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/journal-v1.sqlite")

    /// A copy of the fixture in a fresh state directory (the committed file is never written).
    func copy() throws -> (StateDirectory, SQLiteJournal) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fb-v1-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let directory = StateDirectory(path: path)
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: directory.journalPath)
        return (directory, try SQLiteJournal(directory: directory))
    }

    @Test func theV1JournalOpensMigratedToEveryKnownVersion() async throws {
        let (directory, journal) = try copy()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        #expect(try await journal.appliedMigrations() == SQLiteJournal.migrator.migrations)
        #expect(try await journal.integrityCheck() == ["ok"])
    }

    @Test func everyEntryOfTheV1JournalReadsBackWithItsKindAndFields() async throws {
        let (directory, journal) = try copy()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        let incidents = try await journal.incidents()
        let incident = try #require(incidents.first)
        #expect(incidents.count == 1 && incident.title == "DNS lookups failing" && incident.context == "kind-demo")
        #expect(!incident.isOpen)
        let entries = try await journal.entries(of: incident.id)
        #expect(
            Set(entries.map(\.kind)) == Set(EntryKind.allCases).subtracting([.coeSection]),
            "one entry of every kind v1 knew at least (COE sections came with the export)")
        let observation = try #require(entries.first { $0.kind == .observation })
        #expect(observation.occurrence?.count == 3)
        #expect(observation.evidence["memoryLimit"] == "170Mi")
        let timeline = IncidentTimeline(entries: entries)
        #expect(
            timeline.milestones.keys.sorted() == [.impactStarted, .detected, .acknowledged, .mitigated])
        let note = try #require(timeline.items.first { $0.entry.kind == .note })
        #expect(note.isPinned && note.history.count == 1)
        #expect(note.entry.summary == "restarted coredns by hand; Authorization: Bearer [redacted]")
        let event = try #require(entries.first { $0.kind == .warningEvent })
        #expect(event.evidence["env"] == .object(["API_TOKEN": "[redacted]"]))
        guard case .actionItem(let item) = try #require(entries.first { $0.kind == .actionItem }).body else {
            Issue.record("no action item")
            return
        }
        #expect(item.ownerRole == "platform on-call" && item.priority == "P1")
        #expect(try await journal.sightings(of: observation.id).map(\.count) == [1, 2, 3])
    }

    @Test func theV1JournalTakesNewEntriesAfterOpening() async throws {
        let (directory, journal) = try copy()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        let incident = try #require(try await journal.incidents().first)
        let before = try await journal.latestRevision()
        let note = try await journal.append(
            .note("reviewed", context: incident.context, at: TemporaryJournal.at(30)), to: incident.id)
        #expect(note.revision == before + 1)
    }

    /// v2 added the samples the COE charts: the v1 journal keeps them after opening, and its entries stay.
    @Test func theV1JournalKeepsSamplesAndCOESectionsAfterMigrating() async throws {
        let (directory, journal) = try copy()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        let incident = try #require(try await journal.incidents().first)
        let entriesBefore = try await journal.entries(of: incident.id).count
        #expect(try await journal.samples(of: incident.id).isEmpty)
        let sample = MetricSample(
            subject: ObservationSubject(kind: "Pod", namespace: "kube-system", name: "coredns-1", container: "coredns"),
            workload: "Deployment/kube-system/coredns", clusterTime: TemporaryJournal.at(31),
            workingSetBytes: 160 << 20, memoryLimitBytes: 170 << 20, restarts: 2, throttlingRatio: 0.25)
        try await journal.appendSamples([sample], to: incident.id)
        #expect(try await journal.samples(of: incident.id) == [sample])
        _ = try await journal.append(
            .coeSection(
                .title, text: "DNS lookups failed", replacing: nil, context: incident.context,
                at: TemporaryJournal.at(32)),
            to: incident.id)
        let timeline = try await journal.timeline(of: incident.id)
        #expect(timeline.writtenSections == [.title: "DNS lookups failed"])
        #expect(try await journal.entries(of: incident.id).count == entriesBefore + 1)
    }

    @Test func aJournalFromANewerFirebreakIsRefused() async throws {
        let (directory, journal) = try copy()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        try await journal.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        }
        #expect(throws: TimelineError.journalTooNew(path: directory.journalPath, unknown: ["v99"])) {
            _ = try SQLiteJournal(directory: directory)
        }
    }
}
