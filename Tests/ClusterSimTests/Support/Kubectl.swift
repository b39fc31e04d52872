import Foundation

@testable import ClusterSim

/// The real kubectl, pointed at a simulator served over HTTPS on loopback.
struct Kubectl {
    let kubeconfig: String
    let cacheDir: String

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Serves `cluster` and writes a kubeconfig for its admin; returns kubectl and the server (stop it when done).
    static func serving(_ cluster: SimCluster) async throws -> (Kubectl, SimServer) {
        let served = try await ServedSimulator.start(cluster, threads: 2)
        let folder = (served.kubeconfigPath as NSString).deletingLastPathComponent
        return (Kubectl(kubeconfig: served.kubeconfigPath, cacheDir: folder + "/cache"), served.server)
    }

    func with(token: String) throws -> Kubectl {
        let text = try String(contentsOfFile: kubeconfig, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains("token:") ? "    token: \(token)" : String(line)
        }
        let path = kubeconfig + "-" + String(token.prefix(8))
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return Kubectl(kubeconfig: path, cacheDir: cacheDir + "-" + String(token.prefix(8)))
    }

    /// Runs kubectl to completion (or kills it after `timeout` seconds).
    @discardableResult
    func run(_ arguments: [String], timeout: Double = 60) async throws -> Output {
        let process = try launch(arguments)
        let deadline = Date().addingTimeInterval(timeout)
        while process.process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.process.isRunning { process.process.terminate() }
        return process.finish()
    }

    /// A kubectl process left running (a watch), with its output collected.
    final class Running: @unchecked Sendable {
        let process: Process
        private let out: Pipe
        private let err: Pipe
        private let lock = NSLock()
        private var collected = Data()

        init(process: Process, out: Pipe, err: Pipe) {
            self.process = process
            self.out = out
            self.err = err
            out.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.withLock { self.collected.append(data) }
            }
        }

        var stdoutSoFar: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

        func finish() -> Output {
            process.waitUntilExit()
            out.fileHandleForReading.readabilityHandler = nil
            let rest = out.fileHandleForReading.readDataToEndOfFile()
            lock.withLock { collected.append(rest) }
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return Output(status: process.terminationStatus, stdout: stdoutSoFar, stderr: stderr)
        }
    }

    func launch(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["kubectl", "--kubeconfig", kubeconfig, "--cache-dir", cacheDir, "--request-timeout=20s"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECONFIG"] = nil
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let running = Running(process: process, out: out, err: err)
        try process.run()
        return running
    }
}
