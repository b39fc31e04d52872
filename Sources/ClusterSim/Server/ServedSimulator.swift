import Foundation

/// A simulator served over HTTPS on loopback, with a kubeconfig for one of its users in a folder of its own (0700):
/// what the demo, `sim serve`, the benchmarks and the tests start.
public struct ServedSimulator: Sendable {
    /// Which of the simulator's users a kubeconfig authenticates as.
    public enum User: String, Sendable, CaseIterable {
        /// `system:masters`.
        case admin
        /// Reads everything, writes nothing.
        case viewer
        /// The built-in `view` role: cannot list nodes or read secrets.
        case view
    }

    public let cluster: SimCluster
    public let server: SimServer
    /// `https://127.0.0.1:PORT`.
    public let url: String
    public let port: Int
    /// The kubeconfig written at start.
    public let kubeconfigPath: String
    /// Removed on `stop()` when Firebreak chose it.
    private let temporaryFolder: URL?

    /// Serves `cluster` on `port` (0: any free port) and writes a kubeconfig for `user` to `kubeconfigPath`, or to a
    /// new temporary folder when `nil`.
    public static func start(
        _ cluster: SimCluster, port: Int = 0, threads: Int = 1, user: User = .admin, kubeconfigPath: String? = nil
    ) async throws(SimError) -> ServedSimulator {
        let server = try SimServer(cluster: cluster, threads: threads)
        let bound = try await server.start(port: port)
        let url = await server.url
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-sim-\(UUID().uuidString)")
        let path = kubeconfigPath ?? folder.appendingPathComponent("config").path
        let served = ServedSimulator(
            cluster: cluster, server: server, url: url, port: bound, kubeconfigPath: path,
            temporaryFolder: kubeconfigPath == nil ? folder : nil)
        try served.writeKubeconfig(for: user, to: path)
        return served
    }

    /// Writes a kubeconfig for `user` (owner-only: it holds a token).
    public func writeKubeconfig(for user: User, to path: String) throws(SimError) {
        try SimKubeconfig.write(
            to: path, server: url, token: token(for: user), certificateAuthorityPEM: server.certificate?.certificatePEM)
    }

    /// A kubeconfig for `user` beside the one written at start; returns its path.
    public func kubeconfig(for user: User) throws(SimError) -> String {
        let path = (kubeconfigPath as NSString).deletingLastPathComponent + "/config-\(user.rawValue)"
        try writeKubeconfig(for: user, to: path)
        return path
    }

    /// The bearer token of `user`.
    public func token(for user: User) -> String {
        switch user {
        case .admin: return cluster.tokens.admin
        case .viewer: return cluster.tokens.viewer
        case .view: return cluster.tokens.view
        }
    }

    /// Stops serving and removes the temporary folder, if Firebreak made one.
    public func stop() async {
        await server.stop()
        if let temporaryFolder { try? FileManager.default.removeItem(at: temporaryFolder) }
    }
}
