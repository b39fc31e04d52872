import Foundation

/// Debian's `chromium`, run headless on a file: its DOM after load, and a screenshot.
struct HeadlessChromium {
    let executable: String
    /// A profile folder of its own, so parallel runs and the user's browser never share one.
    let profile: String

    /// The browser on PATH (`chromium`, else `chromium-browser`); `.ci/run` installs it.
    init() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let names = ["chromium", "chromium-browser"]
        guard
            let found = names.lazy.flatMap({ name in path.split(separator: ":").map { "\($0)/\(name)" } })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw ScriptFailure(message: "no chromium on PATH (apt-get install chromium; .ci/run does)") }
        executable = found
        profile = NSTemporaryDirectory() + "firebreak-chromium-\(UUID().uuidString)"
    }

    /// The serialized DOM of `file` after loading (`--dump-dom`).
    func dumpDOM(_ file: String) throws -> String {
        try run(["--dump-dom", URL(fileURLWithPath: file).absoluteString])
    }

    /// Writes a PNG of `file` rendered at `width`×`height` to `output`.
    func screenshot(_ file: String, to output: String, width: Int = 1280, height: Int = 4000) throws {
        _ = try run([
            "--screenshot=\(output)", "--window-size=\(width),\(height)", URL(fileURLWithPath: file).absoluteString,
        ])
    }

    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // --no-sandbox: the sandbox needs user namespaces, which containers and root runs lack.
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)", "--timeout=20000"]
            + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: profile)
        guard process.terminationStatus == 0 else {
            throw ScriptFailure(message: "chromium \(arguments.first ?? "") exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
