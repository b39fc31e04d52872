import Foundation

/// The credential an exec plugin printed: a bearer token and when it expires (`nil`: never).
struct ExecCredential: Sendable {
    var token: Secret
    var expiresAt: Date?
}

/// Runs an exec credential plugin (`client.authentication.k8s.io/v1` or `v1beta1`) and parses its `ExecCredential`.
/// The console owns the terminal, so plugins run without stdin (`IfAvailable` runs non-interactively, `Always` is
/// refused) and their stderr is captured: its first line goes into the error when the plugin fails.
enum ExecPluginRunner {
    static func run(_ config: ExecPluginConfig, parentEnvironment: [String: String]) async throws(KubeconfigError)
        -> ExecCredential
    {
        let result: Result<ExecCredential, KubeconfigError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(KubeconfigError) {
                    continuation.resume(
                        returning: .success(try runBlocking(config, parentEnvironment: parentEnvironment)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    private static func runBlocking(
        _ config: ExecPluginConfig,
        parentEnvironment: [String: String]
    ) throws(KubeconfigError) -> ExecCredential {
        var environment = parentEnvironment
        for variable in config.env { environment[variable.name] = variable.value }
        environment["KUBERNETES_EXEC_INFO"] = execInfo(config)
        guard let executable = locate(config.command, path: environment["PATH"]) else {
            let hint = config.installHint.map { ": \($0)" } ?? ""
            throw .execFailed(command: config.command, problem: "not found on PATH\(hint)")
        }
        if config.interactiveMode == .always {
            throw .execFailed(
                command: config.command, problem: "interactiveMode Always needs a terminal, which the console owns")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = config.args
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .execFailed(
                command: config.command, problem: "cannot start: \((error as NSError).localizedDescription)")
        }
        let errorData = ReadBuffer()
        let errorHandle = stderr.fileHandleForReading
        let errorRead = DispatchGroup()
        DispatchQueue.global().async(group: errorRead) { errorData.data = errorHandle.readDataToEndOfFile() }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorRead.wait()
        guard process.terminationStatus == 0 else {
            let firstLine =
                String(decoding: errorData.data, as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? "no output on stderr"
            throw .execFailed(
                command: config.command, problem: "exit status \(process.terminationStatus): \(firstLine)")
        }
        return try parse(output, config: config)
    }

    static func parse(_ output: Data, config: ExecPluginConfig) throws(KubeconfigError) -> ExecCredential {
        struct Output: Decodable {
            var apiVersion: String?
            var status: Status?
            struct Status: Decodable {
                var token: String?
                var expirationTimestamp: String?
                var clientCertificateData: String?
            }
        }
        guard let decoded = try? JSONDecoder().decode(Output.self, from: output) else {
            throw .execFailed(command: config.command, problem: "stdout is not an ExecCredential JSON object")
        }
        guard decoded.apiVersion == config.apiVersion else {
            throw .execFailed(
                command: config.command,
                problem: "returned apiVersion '\(decoded.apiVersion ?? "")', expected '\(config.apiVersion)'")
        }
        guard let status = decoded.status else {
            throw .execFailed(command: config.command, problem: "ExecCredential has no status")
        }
        guard let token = status.token, !token.isEmpty else {
            let problem =
                status.clientCertificateData != nil
                ? "returned a client certificate; only tokens are supported"
                : "ExecCredential status has no token"
            throw .execFailed(command: config.command, problem: problem)
        }
        var expiry: Date?
        if let stamp = status.expirationTimestamp {
            guard let parsed = KubeTime.parse(stamp) else {
                throw .execFailed(
                    command: config.command, problem: "status.expirationTimestamp '\(stamp)' is not RFC 3339")
            }
            expiry = parsed
        }
        return ExecCredential(token: Secret(token), expiresAt: expiry)
    }

    /// The `KUBERNETES_EXEC_INFO` JSON: the request spec, with cluster details when `provideClusterInfo` is set.
    static func execInfo(_ config: ExecPluginConfig) -> String {
        struct Info: Encodable {
            var apiVersion: String
            var kind = "ExecCredential"
            var spec: Spec
            struct Spec: Encodable {
                var interactive: Bool
                var cluster: ExecPluginConfig.ClusterInfo?
            }
        }
        let info = Info(
            apiVersion: config.apiVersion,
            spec: .init(interactive: false, cluster: config.provideClusterInfo ? config.cluster : nil))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(info)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func locate(_ command: String, path: String?) -> String? {
        if command.contains("/") {
            return FileManager.default.isExecutableFile(atPath: command) ? command : nil
        }
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Holds stderr bytes read on a helper thread until the process ends.
private final class ReadBuffer: @unchecked Sendable {
    var data = Data()
}
