import ClusterModel
import Foundation
import TestSupport
import Testing

/// Revisions seen through the whole path: kubectl changes a workload on the simulator over HTTPS, the simulator's
/// controllers make a ReplicaSet or ControllerRevision, the reflectors bring it into the store, and
/// `WorkloadRevision.history` says what changed.
@Suite("Workload revisions from a simulated cluster over HTTPS")
struct WorkloadRevisionTests {
    @Test func setResourcesOnADeploymentShowsTheRevisionWhereTheLimitChanged() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let coredns = OwnerKey(kind: "Deployment", namespace: "kube-system", name: "coredns")
            let before = WorkloadRevision.history(of: coredns, in: await live.connection.store.snapshot())
            let first = try #require(before.first)
            let limit = try #require(first.containers.first?.resources.memoryLimitBytes)
            #expect(limit == 170 << 20)

            try await Self.kubectl(
                live, "set", "resources", "deployment/coredns", "-n", "kube-system", "--limits=memory=256Mi")
            try await live.advance(seconds: 10, step: 5)
            let revision = try await Self.newRevision(of: coredns, after: first.number, in: live)
            #expect(
                revision.changes == [.memoryLimit(container: "coredns", from: 170 << 20, to: 256 << 20)],
                "\(revision.changes)")
            #expect(revision.changes.map(\.description) == ["memory limit 170Mi → 256Mi (coredns)"])
            #expect(revision.isCurrent)
            let created = try #require(revision.createdAt)
            #expect(created > first.createdAt ?? .distantPast)
            try await eventually("the new revision's pods") {
                let history = WorkloadRevision.history(of: coredns, in: await live.connection.store.snapshot())
                return history.first.map { !$0.pods.isEmpty } ?? false
            }
            let status = try #require(WorkloadStatus.of(coredns, in: await live.connection.store.snapshot()))
            #expect(status.lastRollout == created)
        }
    }

    @Test func statefulSetAndDaemonSetChangesShowInTheirControllerRevisions() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let redis = OwnerKey(kind: "StatefulSet", namespace: "shop", name: "cart-redis")
            let proxy = OwnerKey(kind: "DaemonSet", namespace: "kube-system", name: "kube-proxy")
            let snapshot = await live.connection.store.snapshot()
            let redisFirst = try #require(WorkloadRevision.history(of: redis, in: snapshot).first)
            let proxyFirst = try #require(WorkloadRevision.history(of: proxy, in: snapshot).first)
            let redisContainer = try #require(redisFirst.containers.first)
            let proxyContainer = try #require(proxyFirst.containers.first)

            try await Self.kubectl(
                live, "set", "resources", "statefulset/cart-redis", "-n", "shop", "-c", redisContainer.name,
                "--limits=memory=300Mi")
            try await Self.kubectl(
                live, "set", "image", "daemonset/kube-proxy", "-n", "kube-system",
                "\(proxyContainer.name)=kube-proxy:v9")
            try await live.advance(seconds: 10, step: 5)

            let redisRevision = try await Self.newRevision(of: redis, after: redisFirst.number, in: live)
            #expect(
                redisRevision.changes
                    == [
                        .memoryLimit(
                            container: redisContainer.name, from: redisContainer.resources.memoryLimitBytes,
                            to: 300 << 20)
                    ])
            let proxyRevision = try await Self.newRevision(of: proxy, after: proxyFirst.number, in: live)
            #expect(
                proxyRevision.changes
                    == [.image(container: proxyContainer.name, from: proxyContainer.image, to: "kube-proxy:v9")])
        }
    }

    /// Waits for a revision of `owner` numbered above `number` and returns the newest.
    static func newRevision(of owner: OwnerKey, after number: Int64, in live: LiveCluster) async throws
        -> WorkloadRevision
    {
        var found: WorkloadRevision?
        try await eventually("a revision of \(owner) after #\(number)") {
            let history = WorkloadRevision.history(of: owner, in: await live.connection.store.snapshot())
            found = history.first { $0.number > number }
            return found != nil
        }
        return try #require(found)
    }

    /// Runs the real kubectl against the simulator and expects it to succeed. Waits without blocking a thread: the
    /// simulator answers on the same cooperative pool.
    static func kubectl(_ live: LiveCluster, _ arguments: String...) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["kubectl", "--kubeconfig", live.kubeconfigPath, "--request-timeout=20s"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECONFIG"] = nil
        environment["HOME"] = (live.kubeconfigPath as NSString).deletingLastPathComponent
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "kubectl \(arguments.joined(separator: " ")): \(stderr)")
    }
}
