import Foundation
import TestSupport
import Testing

@testable import TUI

/// Compares text with `Snapshots/NAME.txt`; records it instead when `RECORD_SNAPSHOTS=1`
/// or when the file does not exist yet (recording a missing snapshot fails the test once).
func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = RepositoryPaths.snapshots.appendingPathComponent("\(name).txt")
    let isRecording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !isRecording, let stored = try? String(contentsOf: url, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: RepositoryPaths.snapshots, withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        if !isRecording { Issue.record("Recorded missing snapshot \(name).txt", sourceLocation: sourceLocation) }
        return
    }
    #expect(
        text == stored, "Snapshot \(name).txt differs; run with RECORD_SNAPSHOTS=1 to re-record",
        sourceLocation: sourceLocation)
}

/// A screen's snapshot text followed by its attribute letters under the given theme.
func snapshotWithAttributes(_ screen: Screen, theme: Theme) -> String {
    screen.snapshot() + "\n" + screen.attributeLines(theme: theme).map { "|\($0)|" }.joined(separator: "\n") + "\n"
}
