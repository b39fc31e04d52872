import Foundation

/// Action records as JSON lines, one owner-only file per action in one folder (0700): the recorder until the
/// incident journal takes over.
public actor ActionLog: ActionRecorder {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_STATE_HOME/firebreak/actions`, else `~/.local/state/firebreak/actions`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        let state =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/state")
        return (state as NSString).appendingPathComponent("firebreak/actions")
    }

    public func record(_ entry: ActionRecord) throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = file(entry.actionID)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else { throw RunbooksError.unreadableFile(path: path, reason: "cannot create") }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: try Self.encoder.encode(entry) + Data("\n".utf8))
        try handle.synchronize()
    }

    public func records(of actionID: String) throws -> [ActionRecord] {
        let path = file(actionID)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunbooksError.noActionRecord(actionID)
        }
        return try data.split(separator: UInt8(ascii: "\n")).map {
            try Self.decoder.decode(ActionRecord.self, from: Data($0))
        }
    }

    /// Actions whose last request has an intent but no result: the process stopped before the answer came.
    public func unfinishedActions() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return try names.filter { $0.hasSuffix(".jsonl") }.sorted().compactMap { name in
            let id = String(name.dropLast(6))
            let entries = try records(of: id)
            return entries.last?.kind == .intent ? id : nil
        }
    }

    private func file(_ actionID: String) -> String {
        let safe = actionID.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return (directory as NSString).appendingPathComponent("\(safe).jsonl")
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
