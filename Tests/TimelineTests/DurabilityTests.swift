import Foundation
import Testing

@testable import Timeline

@Suite("Durability", .serialized)
struct DurabilityTests {
    /// Runs `journal-writer burst` (8 concurrent writers: notes, 50-observation batches, action intents, items),
    /// kills it with SIGKILL once it has acknowledged thousands of entries, and looks for every one of them.
    @Test func everyAcknowledgedEntrySurvivesASIGKILLMidBurstAndTheFileIsIntact() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fb-kill-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let child = Process()
        child.executableURL = builtExecutable("journal-writer")
        child.arguments = ["burst", path]
        let output = Pipe()
        child.standardOutput = output
        let collected = Collected()
        output.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        try child.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while collected.lineCount < 5_000, child.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        collected.append(output.fileHandleForReading.readDataToEndOfFile())
        #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL)

        let acknowledged = collected.acknowledgedIDs
        #expect(acknowledged.count >= 5_000, "acknowledged before the kill: \(acknowledged.count)")
        let journal = try SQLiteJournal(directory: StateDirectory(path: path))
        #expect(try await journal.integrityCheck() == ["ok"])
        let incident = try #require(try await journal.currentIncident())
        let stored = Set(try await journal.entries(of: incident.id).map(\.id))
        let missing = acknowledged.subtracting(stored)
        #expect(missing.isEmpty, "\(missing.count) acknowledged entries missing of \(acknowledged.count)")
    }
}

/// Bytes read from the child, and the complete `ack <uuid>` lines among them.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }

    var lineCount: Int { lock.withLock { data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } } }

    var acknowledgedIDs: Set<UUID> {
        let text = lock.withLock { String(decoding: data, as: UTF8.self) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // an unterminated last line was cut by the kill
        return Set(
            lines.compactMap { line in line.hasPrefix("ack ") ? UUID(uuidString: String(line.dropFirst(4))) : nil })
    }
}
