import Foundation

/// A kubeconfig that points kubectl (or Firebreak) at a running simulator.
public enum SimKubeconfig {
    /// The kubeconfig text: one cluster, one user with the given bearer token, one current context.
    public static func render(
        server: String, token: String, certificateAuthorityPEM: String?, contextName: String = "firebreak-sim"
    ) -> String {
        let authority =
            certificateAuthorityPEM.map { "\n    certificate-authority-data: " + Data($0.utf8).base64EncodedString() }
            ?? ""
        return """
            apiVersion: v1
            kind: Config
            clusters:
            - name: \(contextName)
              cluster:
                server: \(server)\(authority)
            users:
            - name: \(contextName)-user
              user:
                token: \(token)
            contexts:
            - name: \(contextName)
              context:
                cluster: \(contextName)
                user: \(contextName)-user
                namespace: default
            current-context: \(contextName)

            """
    }

    /// Writes the kubeconfig readable by the owner only (it holds a token).
    public static func write(to path: String, server: String, token: String, certificateAuthorityPEM: String?)
        throws(SimError)
    {
        let url = URL(fileURLWithPath: path)
        do {
            let folder = url.deletingLastPathComponent()
            if !FileManager.default.fileExists(atPath: folder.path) {
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            try Data(render(server: server, token: token, certificateAuthorityPEM: certificateAuthorityPEM).utf8).write(
                to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw .kubeconfigWrite(path: path, reason: error.localizedDescription)
        }
    }
}
