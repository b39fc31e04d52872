import Foundation
import Testing

@testable import Timeline

@Suite("Following the journal", .serialized)
struct FollowTests {
    @Test func aNoteWrittenByAnotherProcessArrivesOnTheStreamWithinASecond() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        let stream = store.journal.follow(
            incident: incident.id, after: try await store.journal.latestRevision(), every: .milliseconds(200))
        let arrival = Task { () -> (JournalEntry?, ContinuousClock.Instant) in
            for try await batch in stream {
                if let note = batch.first(where: { $0.kind == .note }) { return (note, .now) }
            }
            return (nil, .now)
        }
        let status = try runFirebreak(["incident", "note", "written headless", "--state-dir", store.directory.path])
        let written = ContinuousClock.now
        #expect(status == 0)
        let timeout = Task {
            try await Task.sleep(for: .seconds(5))
            arrival.cancel()
        }
        let (note, arrived) = try await arrival.value
        timeout.cancel()
        #expect(note?.summary == "written headless")
        // A second on an idle machine (the stream polls every 200 ms); the bound leaves room for a loaded test run.
        #expect(arrived - written < .seconds(5), "arrived \(arrived - written) after the process exited")
    }

    @Test func theStreamCarriesNewEntriesThenTheGrownOneInRevisionOrder() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        let first = oomObservation(count: 1, firstSeen: TemporaryJournal.at(1), lastSeen: TemporaryJournal.at(1))
        let grown = oomObservation(count: 2, firstSeen: TemporaryJournal.at(1), lastSeen: TemporaryJournal.at(2))
        _ = try await store.journal.append(.observation(first, context: "test", at: first.lastSeen), to: incident.id)
        _ = try await store.journal.append(.note("n", context: "test", at: TemporaryJournal.at(2)), to: incident.id)
        var batches = store.journal.follow(incident: incident.id, after: 0, every: .milliseconds(50))
            .makeAsyncIterator()
        let initial = try #require(try await batches.next())
        #expect(initial.map(\.kind) == [.observation, .note])
        _ = try await store.journal.append(.observation(grown, context: "test", at: grown.lastSeen), to: incident.id)
        let next = try #require(try await batches.next())
        #expect(next.count == 1 && next.first?.id == initial.first?.id)
        #expect(next.first?.occurrence?.count == 2 && next.first?.summary == "OOMKilled 2× at limit 170Mi")
        #expect(try #require(next.first?.revision) > initial.map(\.revision).max() ?? 0)
    }
}

/// Runs the built `firebreak` with an empty environment but PATH and HOME; returns its exit status.
func runFirebreak(_ arguments: [String], stdout: Pipe? = nil, stderr: Pipe? = nil) throws -> Int32 {
    let process = Process()
    process.executableURL = builtExecutable("firebreak")
    process.arguments = arguments
    process.environment = ["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin"]
    process.standardOutput = stdout ?? FileHandle.nullDevice
    process.standardError = stderr ?? FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
