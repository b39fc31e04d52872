import Foundation

/// The service-account configuration a pod gets: token, CA and namespace files plus `KUBERNETES_SERVICE_HOST`/`PORT`.
struct InClusterConfig {
    var environment: KubeconfigEnvironment

    func load() throws(KubeconfigError) -> ClusterEndpoint {
        guard let host = environment.variables["KUBERNETES_SERVICE_HOST"], !host.isEmpty else {
            throw .notInCluster(missing: "KUBERNETES_SERVICE_HOST is not set")
        }
        guard let port = environment.variables["KUBERNETES_SERVICE_PORT"], !port.isEmpty else {
            throw .notInCluster(missing: "KUBERNETES_SERVICE_PORT is not set")
        }
        let root = environment.serviceAccountRoot
        let tokenPath = root + "/token"
        guard FileManager.default.isReadableFile(atPath: tokenPath) else {
            throw .notInCluster(missing: "\(tokenPath) cannot be read")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        guard let url = URL(string: "https://\(hostPart):\(port)") else {
            throw .notInCluster(missing: "KUBERNETES_SERVICE_HOST/PORT do not form a URL")
        }
        let ca = FileManager.default.contents(atPath: root + "/ca.crt")
        let fileNamespace = (try? String(contentsOfFile: root + "/namespace", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let namespace =
            [environment.variables["POD_NAMESPACE"], fileNamespace]
            .compactMap { $0 }.first { !$0.isEmpty } ?? "default"
        return ClusterEndpoint(
            server: url, contextName: "in-cluster", namespace: namespace, source: "in-cluster",
            tls: TLSSettings(certificateAuthorityPEM: ca), credentials: .tokenFile(path: tokenPath))
    }
}
