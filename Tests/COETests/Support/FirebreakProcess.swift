import Foundation

/// The built `firebreak` executable run as a child process with a small environment (`EDITOR` among it when given).
struct FirebreakProcess {
    let status: Int32
    let stdout: String
    let stderr: String

    init(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment =
            ["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin"]
            .merging(environment) { _, new in new }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: output, as: UTF8.self)
        stderr = String(decoding: errors, as: UTF8.self)
    }

    /// `firebreak` beside the test bundle in the build folder.
    static var executable: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundle, bundle.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent("firebreak") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }
}
