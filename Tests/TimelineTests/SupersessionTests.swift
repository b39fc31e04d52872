import ClusterModel
import Foundation
import GRDB
import Testing

@testable import Timeline

@Suite("Supersession: nothing deleted or rewritten")
struct SupersessionTests {
    @Test func anEditIsANewEntryThatSupersedesTheOriginalWhichStaysInTheJournal() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        let note = try await store.journal.append(
            .note("coredns restarted", context: "test", at: TemporaryJournal.at(2)), to: incident.id)
        let edit = try await store.journal.append(
            .edit(of: note, summary: "coredns restarted by the operator"), to: incident.id)
        let entries = try await store.journal.entries(of: incident.id)
        #expect(entries.map(\.summary) == ["coredns restarted", "coredns restarted by the operator"])
        #expect(edit.target == note.id && edit.id != note.id)
        let timeline = IncidentTimeline(entries: entries)
        #expect(timeline.items.count == 1)
        #expect(timeline.items.first?.id == note.id)
        #expect(timeline.items.first?.entry.summary == "coredns restarted by the operator")
        #expect(timeline.items.first?.history.map(\.summary) == ["coredns restarted"])
    }

    @Test func pinAndHideAreCurationEntriesAndAPinnedEntryShowsEvenWhenHidden() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        let noisy = try await store.journal.append(
            .note("noise", context: "test", at: TemporaryJournal.at(1)), to: incident.id)
        let key = try await store.journal.append(
            .note("key fact", context: "test", at: TemporaryJournal.at(2)), to: incident.id)
        _ = try await store.journal.append(
            [
                .curation(.hide, of: noisy.id, context: "test", at: TemporaryJournal.at(3)),
                .curation(.hide, of: key.id, context: "test", at: TemporaryJournal.at(3)),
                .curation(.pin, of: key.id, context: "test", at: TemporaryJournal.at(3)),
            ], to: incident.id)
        let timeline = try await store.journal.timeline(of: incident.id)
        #expect(timeline.visible().map(\.entry.summary) == ["key fact"])
        #expect(timeline.visible(includingHidden: true).map(\.entry.summary) == ["noise", "key fact"])
        _ = try await store.journal.append(
            .curation(.show, of: noisy.id, context: "test", at: TemporaryJournal.at(4)), to: incident.id)
        #expect(try await store.journal.timeline(of: incident.id).visible().count == 2)
        #expect(try await store.journal.entries(of: incident.id).count == 6, "curation adds entries, removes none")
    }

    @Test func anEditMustKeepTheKindAndNameAnEntryOfTheIncident() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        let note = try await store.journal.append(
            .note("a", context: "test", at: TemporaryJournal.at(1)), to: incident.id)
        var wrongKind = EntryDraft.edit(of: note, summary: "b")
        wrongKind.body = .actionItem(ActionItem(text: "b"))
        await #expect(throws: TimelineError.editChangesKind(from: .note, to: .actionItem)) {
            try await store.journal.append(wrongKind, to: incident.id)
        }
        let unknown = UUID()
        await #expect(throws: TimelineError.noSuchEntry(unknown)) {
            try await store.journal.append(
                .curation(.pin, of: unknown, context: "test", at: TemporaryJournal.at(1)), to: incident.id)
        }
    }

    @Test func theFileItselfRefusesToDeleteOrRewriteAnEntry() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        _ = try await store.journal.append(.note("kept", context: "test", at: TemporaryJournal.at(1)), to: incident.id)
        let queue = try DatabaseQueue(path: store.directory.journalPath)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM entry") } }
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE entry SET summary = 'rewritten'") }
        }
        #expect(try await store.journal.entries(of: incident.id).map(\.summary) == ["kept"])
    }
}
