import Foundation
import Testing

@testable import Timeline

@Suite("State directory")
struct StateDirectoryTests {
    @Test(arguments: [
        (nil as String?, ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"], "/x/state/firebreak"),
        (nil, ["HOME": "/home/a"], "/home/a/.local/state/firebreak"),
        (nil, ["XDG_STATE_HOME": "relative", "HOME": "/home/a"], "/home/a/.local/state/firebreak"),
        ("/tmp/elsewhere", ["XDG_STATE_HOME": "/x/state"], "/tmp/elsewhere"),
    ])
    func theDirectoryComesFromTheOptionThenXDGStateHomeThenHome(
        explicit: String?, environment: [String: String], expected: String
    ) {
        #expect(StateDirectory.resolve(explicit: explicit, environment: environment).path == expected)
    }

    @Test func theDirectoryIsOwnerOnlyAndTheJournalFilesToo() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        _ = try await store.journal.append(.note("x", context: "test", at: TemporaryJournal.at(1)), to: incident.id)
        #expect(try mode(store.directory.path) == 0o700)
        for suffix in ["", "-wal", "-shm"] {
            #expect(try mode(store.directory.journalPath + suffix) == 0o600, "journal.sqlite\(suffix)")
        }
    }

    @Test func aDirectoryOpenToOthersIsNarrowedToTheOwner() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fb-state-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o755)
        try StateDirectory(path: path).prepare()
        #expect(try mode(path) == 0o700)
    }

    @Test(.enabled(if: geteuid() == 0, "giving the file to another user needs root"))
    func aJournalOwnedByAnotherUserIsRefusedWithAClearMessage() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        #expect(chown(store.directory.journalPath, 4242, 4242) == 0)
        do {
            _ = try SQLiteJournal(directory: store.directory)
            Issue.record("another user's journal was opened")
        } catch {
            #expect(error == .foreignOwner(path: store.directory.journalPath, owner: 4242, user: 0))
            #expect(
                error.description
                    == "\(store.directory.journalPath) is owned by uid 4242, not by you (uid 0): refusing to use "
                    + "another user's journal; pass --state-dir to use your own")
        }
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
    }
}
