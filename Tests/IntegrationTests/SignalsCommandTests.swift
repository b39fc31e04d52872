import ClusterSim
import Foundation
import TestSupport
import Testing

/// `firebreak signals` run as a separate process against a simulator served over HTTPS.
@Suite("firebreak signals end to end", .serialized)
struct SignalsCommandTests {
    @Test func jsonLinesReportCorednsOOMKills() async throws {
        let served = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike", start: Date()))
        await served.cluster.advance(bySeconds: 180)
        let run = try FirebreakProcess(["signals", "--kubeconfig", served.kubeconfigPath, "--json"])
        let status = try await run.wait()
        await served.stop()
        #expect(status == 0, "stderr: \(run.stderr)")
        let lines = run.jsonLines
        #expect(lines.count == run.lines.count, "every line is a JSON object")
        let ooms = lines.filter { $0["kind"] as? String == "oomKilled" }
        #expect(!ooms.isEmpty, "output: \(run.stdout)")
        for oom in ooms {
            let subject = oom["subject"] as? [String: Any]
            #expect(subject?["namespace"] as? String == "kube-system")
            #expect(subject?["container"] as? String == "coredns")
            #expect((subject?["name"] as? String)?.hasPrefix("coredns-") == true)
            #expect((oom["evidence"] as? [String: Any])?["memoryLimit"] as? String == "170Mi")
            #expect(oom["severity"] as? String == "critical")
            let time = oom["time"] as? String ?? ""
            #expect(ISO8601DateFormatter().date(from: time) != nil && time.hasSuffix("Z"), "ISO 8601 UTC: \(time)")
        }
        let severities = lines.compactMap { $0["severity"] as? String }.map {
            ["critical": 2, "warning": 1, "info": 0][$0] ?? -1
        }
        #expect(severities == severities.sorted(by: >), "most severe first")
        #expect(!run.stdout.contains("firebreak-admin-token") && !run.stderr.contains("firebreak-admin-token"))
    }

    @Test func followPrintsStaleAndReconnectedAndNewObservations() async throws {
        let served = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike", start: Date()))
        let run = try FirebreakProcess(["signals", "--kubeconfig", served.kubeconfigPath, "--follow"])
        defer { run.terminate() }
        try await eventually("the first view", timeout: 30) { await served.cluster.watchCount >= 8 }
        try await Task.sleep(for: .milliseconds(500))
        #expect(!run.stdout.contains("OOMKilled"), "no OOM at the start: \(run.stdout)")
        await served.cluster.advance(bySeconds: 180)
        try await eventually("an OOM line", timeout: 20) { run.stdout.contains("OOMKilled") }
        let oomLine = try #require(run.lines.first { $0.contains("OOMKilled") })
        #expect(
            oomLine.contains("Critical") && oomLine.contains("kube-system/coredns-") && oomLine.contains("170Mi"),
            "\(oomLine)")
        await served.cluster.startOutage(seconds: 30)
        try await eventually("a stale line", timeout: 20) { run.stdout.contains("connection  stale since ") }
        await served.cluster.advance(bySeconds: 31)
        try await eventually("a reconnected line", timeout: 60) { run.stdout.contains("connection  reconnected") }
        run.terminate()
        _ = try await run.wait()
        await served.stop()
        #expect(!run.stdout.contains("firebreak-admin-token") && !run.stderr.contains("firebreak-admin-token"))
    }

    /// The command's signal windows run on the API server's clock (from its Date headers), so a simulator at 60x
    /// shows the 15-minute CPUThrottlingHigh hold in seconds, as the console's demo does.
    @Test func followMeasuresHoldsOnTheServersClock() async throws {
        let served = try await ServedSimulator.start(
            try SimCluster(scenario: "credentials-cpu-throttling", start: Date()))
        let clock = Task { await served.cluster.run(speed: 60) }
        let run = try FirebreakProcess(["signals", "--kubeconfig", served.kubeconfigPath, "--follow", "--json"])
        defer { run.terminate() }
        try await eventually("a CPUThrottlingHigh line", timeout: 150) {
            run.jsonLines.contains { $0["kind"] as? String == "cpuThrottling" }
        }
        let line = try #require(run.jsonLines.first { $0["kind"] as? String == "cpuThrottling" })
        let first = try #require((line["firstSeen"] as? String).flatMap(ISO8601DateFormatter().date(from:)))
        let seen = try #require((line["time"] as? String).flatMap(ISO8601DateFormatter().date(from:)))
        #expect(seen.timeIntervalSince(first) >= 900, "held 15 simulated minutes: \(line)")
        clock.cancel()
        run.terminate()
        _ = try await run.wait()
        await served.stop()
    }

    /// While an incident is open on the context, `signals --follow` records into it as the console does.
    @Test func followRecordsIntoTheCurrentIncident() async throws {
        let state = try TemporaryDirectory()
        let served = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike", start: Date()))
        let open = try FirebreakProcess([
            "incident", "open", "CoreDNS OOM", "--kubeconfig", served.kubeconfigPath, "--state-dir", state.path,
        ])
        #expect(try await open.wait() == 0, "\(open.stderr)")
        let run = try FirebreakProcess(
            ["signals", "--kubeconfig", served.kubeconfigPath, "--follow", "--state-dir", state.path])
        defer { run.terminate() }
        try await eventually("the first view", timeout: 30) { await served.cluster.watchCount >= 8 }
        // A running clock, as a real server's: the command learns its rate from the Date headers.
        let clock = Task { await served.cluster.run(speed: 30) }
        defer { clock.cancel() }
        try await eventually("an OOM line", timeout: 60) { run.stdout.contains("OOMKilled") }
        try await eventually("the OOM kill in the journal", timeout: 20) {
            let show = try FirebreakProcess(["incident", "show", "--state-dir", state.path])
            _ = try await show.wait()
            return show.stdout.contains("critical oomKilled")
        }
        #expect(run.stderr.contains("recording into incident"), "\(run.stderr)")
        run.terminate()
        _ = try await run.wait()
        await served.stop()
    }

    @Test func brokenKubeconfigPrintsOneLineAndExitsOne() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("config").path
        try """
        apiVersion: v1
        kind: Config
        clusters:
        - name: prod
          cluster:
            server: https://127.0.0.1:1
        users:
        - name: someone
          user:
            token: secret-token-value
        contexts:
        - name: prod
          context:
            cluster: prod
            user: admin
        current-context: prod
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try FirebreakProcess(["signals", "--kubeconfig", path])
        let status = try await run.wait(timeout: 30)
        try? FileManager.default.removeItem(at: folder)
        #expect(status == 1)
        let errorLines = run.stderr.split(separator: "\n")
        #expect(errorLines.count == 1, "one line: \(run.stderr)")
        #expect(
            run.stderr.contains(path) && run.stderr.contains("'prod'") && run.stderr.contains("'admin'"),
            "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!run.stderr.contains("secret-token-value"))
    }
}
