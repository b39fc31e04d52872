import Foundation
import Testing

@testable import ClusterSim

/// kubectl's everyday writes against the simulator, as a new user would type them.
@Suite("kubectl writes against ClusterSim", .serialized)
struct KubectlWriteTests {
    static func deployment(replicas: Int, field: String = "replicas") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels:
            app: web
        spec:
          \(field): \(replicas)
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                resources:
                  requests:
                    cpu: 100m
                    memory: 64Mi
        """
    }

    static func configMap(_ level: String) -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app
          namespace: shop
        data:
          level: \(level)
        """
    }

    /// Writes a manifest beside the kubeconfig and returns its path.
    static func manifest(_ kubectl: Kubectl, _ name: String, _ text: String) throws -> String {
        let path = URL(fileURLWithPath: kubectl.kubeconfig).deletingLastPathComponent().appendingPathComponent(name)
            .path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func applyCreatesThenConfiguresThenLeavesUnchanged() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let file = try Self.manifest(kubectl, "web.yaml", Self.deployment(replicas: 2))
        let created = try await kubectl.run(["apply", "-f", file])
        #expect(created.stdout.contains("deployment.apps/web created"), "\(created.stdout)\(created.stderr)")
        #expect(created.stderr.isEmpty, "\(created.stderr)")
        _ = try Self.manifest(kubectl, "web.yaml", Self.deployment(replicas: 3))
        let changed = try await kubectl.run(["apply", "-f", file])
        #expect(changed.stdout.contains("deployment.apps/web configured"), "\(changed.stdout)\(changed.stderr)")
        #expect(await sim.get("/apis/apps/v1/namespaces/shop/deployments/web")[path: ["spec", "replicas"]] == .int(3))
        let again = try await kubectl.run(["apply", "-f", file])
        #expect(again.stdout.contains("deployment.apps/web unchanged"), "\(again.stdout)\(again.stderr)")
    }

    @Test func applyRefusesAnUnknownFieldWithTheServersStrictMessage() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let file = try Self.manifest(kubectl, "typo.yaml", Self.deployment(replicas: 2, field: "replica"))
        let refused = try await kubectl.run(["apply", "-f", file])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("strict decoding error: unknown field \"spec.replica\""), "\(refused.stderr)")
        #expect(await sim.request("GET", "/apis/apps/v1/namespaces/shop/deployments/web").status == 404)
        let created = try await kubectl.run([
            "create", "-f", try Self.manifest(kubectl, "ok.yaml", Self.deployment(replicas: 1)),
        ])
        #expect(created.stdout.contains("deployment.apps/web created"), "\(created.stderr)")
    }

    @Test func createNamespaceDeploymentAndConfigMapWork() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let namespace = try await kubectl.run(["create", "namespace", "demo"])
        #expect(namespace.stdout.contains("namespace/demo created"), "\(namespace.stderr)")
        let deployment = try await kubectl.run([
            "-n", "demo", "create", "deployment", "web", "--image=nginx:1.27", "--replicas=2",
        ])
        #expect(deployment.stdout.contains("deployment.apps/web created"), "\(deployment.stderr)")
        let configMap = try await kubectl.run([
            "-n", "demo", "create", "configmap", "app", "--from-literal=level=debug",
        ])
        #expect(configMap.stdout.contains("configmap/app created"), "\(configMap.stderr)")
        let secret = try await kubectl.run([
            "-n", "demo", "create", "secret", "generic", "db", "--from-literal=password=hunter2",
        ])
        #expect(secret.stdout.contains("secret/db created"), "\(secret.stderr)")
        await sim.advance(minutes: 0.5)
        #expect(await sim.pods("demo", label: "app%3Dweb").count == 2)
        let level = try await kubectl.run(["-n", "demo", "get", "configmap", "app", "-o", "jsonpath={.data.level}"])
        #expect(level.stdout == "debug")
        let secrets = try await kubectl.run(["-n", "demo", "get", "secrets"])
        #expect(
            secrets.stdout.contains("db") && secrets.stdout.contains("Opaque") && !secrets.stdout.contains("hunter2"))
    }

    @Test func serverSideApplyConflictsWithAnotherManagerUntilForced() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let first = try Self.manifest(kubectl, "cm.yaml", Self.configMap("debug"))
        let applied = try await kubectl.run(["apply", "--server-side", "-f", first])
        #expect(applied.stdout.contains("configmap/app serverside-applied"), "\(applied.stderr)")
        let second = try Self.manifest(kubectl, "cm2.yaml", Self.configMap("info"))
        let conflict = try await kubectl.run(["apply", "--server-side", "--field-manager=ops", "-f", second])
        #expect(conflict.status != 0)
        #expect(
            conflict.stderr.contains("Apply failed with 1 conflict: conflict with \"kubectl\": .data.level"),
            "\(conflict.stderr)")
        let forced = try await kubectl.run([
            "apply", "--server-side", "--field-manager=ops", "--force-conflicts", "-f", second,
        ])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(await sim.get("/api/v1/namespaces/shop/configmaps/app")[path: ["data", "level"]] == "info")
    }

    @Test func diffShowsWhatApplyWouldChange() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let file = try Self.manifest(kubectl, "web.yaml", Self.deployment(replicas: 2))
        _ = try await kubectl.run(["apply", "-f", file])
        let same = try await kubectl.run(["diff", "-f", file])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        _ = try Self.manifest(kubectl, "web.yaml", Self.deployment(replicas: 5))
        let changed = try await kubectl.run(["diff", "-f", file])
        #expect(changed.status == 1, "\(changed.stderr)")
        #expect(
            changed.stdout.contains("-  replicas: 2") && changed.stdout.contains("+  replicas: 5"), "\(changed.stdout)")
        #expect(await sim.get("/apis/apps/v1/namespaces/shop/deployments/web")[path: ["spec", "replicas"]] == .int(2))
    }

    @Test func getControllerRevisionsListsTheDaemonSetsHistory() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let output = try await kubectl.run(["get", "controllerrevisions", "-n", "kube-system"])
        #expect(output.status == 0, "\(output.stderr)")
        let row = output.stdout.split(separator: "\n").first { $0.hasPrefix("kube-proxy-") } ?? ""
        #expect(row.contains("daemonset.apps/kube-proxy") && row.contains(" 1 "), "\(output.stdout)")
    }

    @Test func getAndDescribeQuotaShowUsageAgainstTheLimits() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let pods = await sim.pods("shop").count
        let table = try await kubectl.run(["get", "quota", "-n", "shop"])
        #expect(
            table.stdout.contains("shop-quota") && table.stdout.contains("pods: \(pods)/50"),
            "\(table.stdout)\(table.stderr)")
        let described = try await kubectl.run(["describe", "quota", "shop-quota", "-n", "shop"])
        #expect(described.status == 0, "\(described.stderr)")
        let lines = described.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.contains(["Resource", "Used", "Hard"]), "\(described.stdout)")
        #expect(lines.contains(["pods", "\(pods)", "50"]), "\(described.stdout)")
        #expect(lines.contains { $0.first == "requests.memory" && $0.last == "16Gi" }, "\(described.stdout)")
    }

    @Test func createOverQuotaIsRefusedWithTheRealMessage() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let quota = try await kubectl.run(["create", "quota", "small", "-n", "default", "--hard=pods=1"])
        #expect(quota.stdout.contains("resourcequota/small created"), "\(quota.stderr)")
        let first = try await kubectl.run(["run", "a", "-n", "default", "--image=nginx:1.27"])
        #expect(first.stdout.contains("pod/a created"), "\(first.stderr)")
        let second = try await kubectl.run(["run", "b", "-n", "default", "--image=nginx:1.27"])
        #expect(second.status != 0)
        #expect(
            second.stderr.contains(
                "Error from server (Forbidden): pods \"b\" is forbidden: exceeded quota: small, requested: pods=1, used: pods=1, limited: pods=1"
            ), "\(second.stderr)")
    }
}
