import Foundation
import Logging

/// An append-only log file shared by every handler, readable by its owner only (0600 in a 0700 folder).
final class LogFile: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private let handle: FileHandle?

    init(path: String) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
    }

    func write(_ line: String) {
        lock.withLock { try? handle?.write(contentsOf: Data(line.utf8)) }
    }

    /// `$FIREBREAK_LOG`, else `~/.cache/firebreak/firebreak.log`, else a file in the temporary directory.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["FIREBREAK_LOG"], !path.isEmpty { return path }
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty { return cache + "/firebreak/firebreak.log" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/firebreak/firebreak.log" }
        return FileManager.default.temporaryDirectory.appendingPathComponent("firebreak.log").path
    }

    /// Sends every logger of the process to this file (once per process).
    static func bootstrap(path: String) -> LogFile {
        let file = LogFile(path: path)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: file) }
        return file
    }
}
