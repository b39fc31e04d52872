import ClusterModel
import Foundation
import Timeline

/// A state directory in the temporary folder with its journal, removed by `remove()`.
struct TemporaryJournal {
    let directory: StateDirectory
    let journal: SQLiteJournal

    init() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "firebreak-journal-\(UUID().uuidString)"
        ).path
        directory = StateDirectory(path: path)
        journal = try SQLiteJournal(directory: directory)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory.path)
    }

    /// An open incident on context `test`.
    func incident(_ title: String = "test incident") async throws -> Incident {
        try await journal.openIncident(title: title, context: "test", at: Self.start)
    }

    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }
}

/// Observations for tests: an OOM loop on one container of one pod.
func oomObservation(pod: String = "web-1", count: Int, firstSeen: Date, lastSeen: Date, isActive: Bool = true)
    -> Observation
{
    Observation(
        id: "oomKilled/demo/\(pod)/app", kind: .oomKilled, severity: .critical,
        subject: ObservationSubject(kind: "Pod", namespace: "demo", name: pod, container: "app"),
        firstSeen: firstSeen, lastSeen: lastSeen, count: count, isActive: isActive,
        evidence: ["memoryLimit": "170Mi"], summary: "OOMKilled \(count)× at limit 170Mi")
}

/// A built executable of this package (next to the test bundle in the build folder).
func builtExecutable(_ name: String) -> URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
        bundle, bundle.deletingLastPathComponent(), Bundle.main.bundleURL,
        Bundle.main.bundleURL.deletingLastPathComponent(),
    ]
    return candidates.map { $0.appendingPathComponent(name) }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        ?? candidates[0].appendingPathComponent(name)
}
