import ClusterSim
import Foundation
import Runbooks
import TestSupport
import Testing

/// `firebreak runbook …` run as a separate process against a simulator served over HTTPS.
@Suite("firebreak runbook end to end", .serialized)
struct RunbookCommandTests {
    /// A simulator whose clock starts at the real time (the command verifies on the wall clock).
    static func serve(_ scenario: String, advance: Double = 0) async throws -> ServedSimulator {
        let served = try await ServedSimulator.start(try SimCluster(scenario: scenario, start: Date()))
        if advance > 0 { await served.cluster.advance(bySeconds: advance) }
        return served
    }

    static func kubectl(_ served: ServedSimulator, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let cache = (served.kubeconfigPath as NSString).deletingLastPathComponent + "/kubectl-cache"
        process.arguments = ["kubectl", "--kubeconfig", served.kubeconfigPath, "--cache-dir", cache] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func corednsPod(_ served: ServedSimulator) throws -> String {
        let names = try kubectl(served, ["-n", "kube-system", "get", "pods", "-l", "app=kube-dns", "-o", "name"])
        return String(names.split(separator: "\n").first?.split(separator: "/").last ?? "")
    }

    @Test func validateReportsEveryProblemWithItsPlaceAndFails() async throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(
            "broken.yaml",
            "id: broken\ntitle: Broken\nrisk: reversible\ntargets: [deployment]\nparams:\n  limit:\n    default: 1Gi\nsteps:\n  - kind: scael\n"
        )
        let run = try FirebreakProcess(["runbook", "validate", path])
        #expect(try await run.wait() == 1)
        #expect(
            run.lines == [
                "\(path):6:3: parameter 'limit' has no type (one of memory, cpu, integer, number, string, boolean, duration, container)",
                "\(path):9:11: unknown step kind 'scael' (did you mean 'scale'?)",
            ])
        #expect(run.stderr.contains("2 problems found"))
        let builtIns = try FirebreakProcess(["runbook", "validate"])
        #expect(try await builtIns.wait() == 0, "\(builtIns.stdout)")
        #expect(builtIns.stdout.contains("10 runbooks valid"))
    }

    @Test func listShowsTheSourceFileAndWhichFileWon() async throws {
        let config = try TemporaryDirectory()
        let builtIn = RepositoryPaths.root.appendingPathComponent("runbooks/scale.yaml").path
        let user = try config.write(
            "firebreak/runbooks/scale.yaml",
            try String(contentsOfFile: builtIn, encoding: .utf8).replacingOccurrences(of: "key: S", with: "key: K"))
        let run = try FirebreakProcess(["runbook", "list"], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(try await run.wait() == 0, "\(run.stderr)")
        let scale = try #require(run.lines.first { $0.hasPrefix("scale ") })
        #expect(scale.contains(" K ") && scale.contains(user) && scale.contains("(overrides \(builtIn))"), "\(scale)")
        #expect(
            run.lines.contains { $0.hasPrefix("raise-memory-limit") && $0.contains("runbooks/raise-memory-limit.yaml") }
        )
    }

    @Test func aDryRunPrintsThePlanDiffAndTimingsAndChangesNothing() async throws {
        let served = try await Self.serve("coredns-dns-spike", advance: 30)
        defer { Task { await served.stop() } }
        let pod = try Self.corednsPod(served)
        // An earlier process died after sending a request: its result is unknown.
        let state = try TemporaryDirectory()
        var intent = ActionRecord(
            actionID: "20261121-101651-3f2a", sequence: 1, time: Date(timeIntervalSince1970: 1_795_256_211),
            runbook: "scale", target: RunbookTarget(kind: .deployment, namespace: "shop", name: "checkout"),
            kind: .intent, step: "set the replicas")
        intent.method = "PATCH"
        intent.path = "/apis/apps/v1/namespaces/shop/deployments/checkout/scale?fieldManager=firebreak"
        try await LiveCluster.recorder(in: state.path + "/firebreak").record(intent)
        let run = try FirebreakProcess(
            [
                "runbook", "run", "raise-memory-limit", "--target", "pod/kube-system/\(pod)", "--dry-run", "--json",
                "--kubeconfig", served.kubeconfigPath,
            ], environment: ["XDG_STATE_HOME": state.path])
        #expect(try await run.wait() == 0, "\(run.stdout)\n\(run.stderr)")
        let events = run.jsonLines
        #expect(
            (events.first?["event"] as? String) == "result unknown"
                && (events.first?["message"] as? String)?.contains("20261121-101651-3f2a") == true)
        let preview = try #require(events.first { $0["event"] as? String == "preview" })
        #expect(
            preview["changes"] as? [String] == [
                "spec.template.spec.containers[coredns].resources.limits.memory: 170Mi → 255Mi"
            ])
        #expect((preview["blastRadius"] as? [String])?.first?.hasPrefix("pods restarted: 2") == true)
        let phases = events.filter { $0["event"] as? String == "timing" }.compactMap { $0["phase"] as? String }
        #expect(phases == ["connect", "read", "plan", "access", "dry-run"])
        #expect(events.last?["status"] as? String == "dry-run")
        #expect(
            try Self.kubectl(
                served,
                [
                    "-n", "kube-system", "get", "deployment", "coredns", "-o",
                    "jsonpath={.spec.template.spec.containers[0].resources.limits.memory}",
                ]) == "170Mi")
        #expect(!run.stdout.contains(served.token(for: .admin)) && !run.stderr.contains(served.token(for: .admin)))
        let unfinished = try FirebreakProcess(
            ["runbook", "unfinished"], environment: ["XDG_STATE_HOME": state.path])
        #expect(try await unfinished.wait() == 0, "\(unfinished.stderr)")
        #expect(
            unfinished.lines == [
                "result unknown: action 20261121-101651-3f2a (scale on deployment shop/checkout) sent PATCH "
                    + "/apis/apps/v1/namespaces/shop/deployments/checkout/scale?fieldManager=firebreak at "
                    + "2026-11-21T10:16:51Z and stopped before its answer was recorded"
            ])
        let show = try FirebreakProcess(["incident", "show"], environment: ["XDG_STATE_HOME": state.path])
        #expect(try await show.wait() == 0, "\(show.stderr)")
        #expect(show.lines.contains { $0.contains("action-intent") && $0.hasSuffix("[result unknown]") })
    }

    @Test func recheckAsksTheClusterAndRecordsWhatItFound() async throws {
        let served = try await Self.serve("coredns-dns-spike")
        defer { Task { await served.stop() } }
        let state = try TemporaryDirectory()
        let environment = ["XDG_STATE_HOME": state.path]
        // A process that died after committing its intent to scale checkout to 5, before sending it, and an older
        // record that kept only the request's path.
        let recorder = try LiveCluster.recorder(in: state.path + "/firebreak")
        let target = RunbookTarget(kind: .deployment, namespace: "shop", name: "checkout")
        var lost = ActionRecord(
            actionID: "20261129-031200-0001", sequence: 1, time: Date(), runbook: "scale", target: target,
            kind: .intent)
        lost.adopt(
            ActionIntent(
                step: "set the replicas",
                write: .scale(.deployments, namespace: "shop", name: "checkout", replicas: 5, resourceVersion: "1"),
                isRollback: false))
        try await recorder.record(lost)
        var old = ActionRecord(
            actionID: "20261121-101651-3f2a", sequence: 1, time: Date(), runbook: "scale", target: target,
            kind: .intent, step: "set the replicas")
        old.method = "PATCH"
        old.path = "/apis/apps/v1/namespaces/shop/deployments/checkout/scale?fieldManager=firebreak"
        try await recorder.record(old)

        let recheck = try FirebreakProcess(
            ["runbook", "recheck", "--kubeconfig", served.kubeconfigPath], environment: environment)
        #expect(try await recheck.wait() == 1, "one result stays undetermined: \(recheck.stdout)\n\(recheck.stderr)")
        #expect(
            recheck.lines == [
                "action 20261129-031200-0001 (scale on deployment shop/checkout) sent PATCH "
                    + "/apis/apps/v1/namespaces/shop/deployments/checkout/scale?fieldManager=firebreak: not in effect: "
                    + "sending it now would still change spec.replicas: 2 → 5 (recorded)",
                "action 20261121-101651-3f2a (scale on deployment shop/checkout) sent PATCH "
                    + "/apis/apps/v1/namespaces/shop/deployments/checkout/scale?fieldManager=firebreak: undetermined: "
                    + "the journal holds only its path (recorded before re-checks), so check the object",
            ])
        #expect(
            try Self.kubectl(
                served, ["-n", "shop", "get", "deployment", "checkout", "-o", "jsonpath={.spec.replicas}"]) == "2")
        let unfinished = try FirebreakProcess(["runbook", "unfinished"], environment: environment)
        #expect(try await unfinished.wait() == 0, "\(unfinished.stderr)")
        #expect(unfinished.lines.count == 1 && unfinished.lines.first?.contains("20261121-101651-3f2a") == true)
        let show = try FirebreakProcess(["incident", "show"], environment: environment)
        #expect(try await show.wait() == 0, "\(show.stderr)")
        #expect(
            show.lines.contains {
                $0.contains("action-result") && $0.contains("scale: set the replicas: re-checked: not in effect")
            }, "\(show.stdout)")
    }

    @Test func theReadOnlyTokenGetsAClearForbiddenAndExitsNonZero() async throws {
        let served = try await Self.serve("coredns-dns-spike")
        defer { Task { await served.stop() } }
        let pod = try Self.corednsPod(served)
        let state = try TemporaryDirectory()
        let run = try FirebreakProcess(
            [
                "runbook", "run", "raise-memory-limit", "--target", "pod/kube-system/\(pod)", "--yes",
                "--kubeconfig", try served.kubeconfig(for: .viewer),
            ], environment: ["XDG_STATE_HOME": state.path])
        #expect(try await run.wait() == 1)
        #expect(
            run.stdout.contains("access: patch deployments.apps coredns in kube-system: DENIED"),
            "\(run.stdout)\n\(run.stderr)")
        #expect(
            run.lines.last
                == "refused: Forbidden: these credentials may not patch deployments.apps coredns in kube-system")
        #expect(!run.stdout.contains("applying"))
    }

    @Test func scaleAppliesAndItsActionRollsBackFromAnotherProcess() async throws {
        let served = try await Self.serve("coredns-dns-spike")
        defer { Task { await served.stop() } }
        let state = try TemporaryDirectory()
        let environment = ["XDG_STATE_HOME": state.path]
        let run = try FirebreakProcess(
            [
                "runbook", "run", "scale", "--target", "deployment/shop/checkout", "--set", "count=3", "--yes",
                "--no-wait", "--kubeconfig", served.kubeconfigPath,
            ], environment: environment)
        #expect(try await run.wait() == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("dry run (server):\n  spec.replicas: 2 → 3"))
        #expect(
            try Self.kubectl(
                served, ["-n", "shop", "get", "deployment", "checkout", "-o", "jsonpath={.spec.replicas}"]) == "3")
        let line = try #require(run.lines.first { $0.hasPrefix("action ") })
        let id = String(line.dropFirst("action ".count).prefix { $0 != " " })
        #expect(run.lines.contains { $0.hasPrefix("recorded: no incident was open: opened incident ") })
        let show = try FirebreakProcess(["incident", "show"], environment: environment)
        #expect(try await show.wait() == 0, "\(show.stderr)")
        #expect(
            show.lines.contains {
                $0.contains("action-intent") && $0.contains("scale: set the replicas (PATCH /apis/apps/v1/")
            }, "\(show.stdout)")
        #expect(show.lines.contains { $0.contains("action-result") && $0.contains("HTTP 200: applied") })
        let attributes = try FileManager.default.attributesOfItem(atPath: state.path + "/firebreak/journal.sqlite")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let rollback = try FirebreakProcess(
            ["runbook", "rollback", id, "--yes", "--kubeconfig", served.kubeconfigPath], environment: environment)
        #expect(try await rollback.wait() == 0, "\(rollback.stdout)\n\(rollback.stderr)")
        #expect(
            try Self.kubectl(
                served, ["-n", "shop", "get", "deployment", "checkout", "-o", "jsonpath={.spec.replicas}"]) == "2")
    }
}
