import Foundation

@testable import ClusterModel

/// Captured kube-apiserver responses in `../shared/fixtures` (override with `FIREBREAK_FIXTURES`).
enum Fixtures {
    static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment["FIREBREAK_FIXTURES"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    }()

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }
}

/// A temporary folder removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "firebreak-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try contents.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }
}

/// A fixed instant for deterministic tests: 2026-11-21T10:10:00Z.
let referenceNow = KubeTime.parse("2026-11-21T10:10:00Z") ?? Date(timeIntervalSince1970: 0)

func date(_ text: String) -> Date { KubeTime.parse(text) ?? .distantPast }
