import ClusterModel
import ClusterSim
import Foundation

/// A simulated cluster served over HTTPS on loopback, with a kubeconfig for its admin token in a temporary folder:
/// what every benchmark measures against.
struct ServedCluster {
    static let adminToken = "bench-admin"

    let served: ServedSimulator
    var cluster: SimCluster { served.cluster }
    var server: SimServer { served.server }
    var url: String { served.url }
    var kubeconfig: String { served.kubeconfigPath }
    /// The folder of the kubeconfig, for kubectl's caches.
    var folder: URL { URL(fileURLWithPath: kubeconfig).deletingLastPathComponent() }

    /// The `scale` scenario at the given size, without churn.
    static func scale(nodes: Int, pods: Int) throws -> SimCluster {
        try SimCluster(
            scenario: "scale", start: Date(), options: ScenarioOptions(nodes: nodes, pods: pods, churnPerSecond: 0),
            tokens: SimTokens(admin: adminToken, viewer: "bench-viewer"))
    }

    /// Starts serving `cluster` and writes its kubeconfig.
    static func serve(_ cluster: SimCluster) async throws -> ServedCluster {
        ServedCluster(served: try await ServedSimulator.start(cluster, threads: 2))
    }

    /// The endpoint ClusterModel connects with, loaded from the kubeconfig like any other.
    func endpoint() throws -> ClusterEndpoint {
        try KubeconfigLoader().load(kubeconfigPath: kubeconfig)
    }

    /// `kubectl get pods -A --chunk-size=500 -o <output>` against this cluster, with a cache folder of its own.
    func kubectlListPods(output: String, run: String) throws -> Measure.Child {
        try Measure.run([
            "kubectl", "--kubeconfig", kubeconfig, "--cache-dir",
            folder.appendingPathComponent("cache-\(output)-\(run)").path,
            "get", "pods", "-A", "--chunk-size=500", "-o", output,
        ])
    }

    /// Stops serving and removes the temporary folder.
    func stop() async { await served.stop() }
}
