import Foundation
import TestSupport
import Testing

@testable import ClusterModel

@Suite("Kubeconfig loading")
struct KubeconfigLoaderTests {
    static let prodConfig = """
        apiVersion: v1
        kind: Config
        current-context: prod
        clusters:
        - name: prod
          cluster:
            server: https://prod.example:6443
            certificate-authority: certs/ca.crt
            tls-server-name: api.internal
        contexts:
        - name: prod
          context: {cluster: prod, user: admin, namespace: web}
        - name: dev
          context: {cluster: prod, user: dev}
        users:
        - name: admin
          user:
            token: prod-token
        - name: dev
          user:
            tokenFile: dev.token
        """

    func loader(_ dir: TemporaryDirectory, env: [String: String] = [:]) -> KubeconfigLoader {
        KubeconfigLoader(
            environment: KubeconfigEnvironment(
                variables: env, homeDirectory: dir.path + "/home",
                serviceAccountRoot: dir.path + "/sa"))
    }

    @Test func explicitPathResolvesCurrentContextWithRelativeCertificatePaths() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("cfg/config", Self.prodConfig)
        try dir.write("cfg/certs/ca.crt", "CA-PEM")
        let endpoint = try loader(dir).load(kubeconfigPath: path)
        #expect(endpoint.server.absoluteString == "https://prod.example:6443")
        #expect(endpoint.contextName == "prod")
        #expect(endpoint.namespace == "web")
        #expect(endpoint.tls.certificateAuthorityPEM == Data("CA-PEM".utf8))
        #expect(endpoint.tls.serverName == "api.internal")
        #expect(endpoint.credentials == .token(Secret("prod-token")))
        #expect(endpoint.source == path)
    }

    @Test func contextOverrideSelectsAnotherContextAndNamespaceDefaultsToDefault() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("config", Self.prodConfig)
        try dir.write("certs/ca.crt", "CA")
        try dir.write("dev.token", "dev-token\n")
        let endpoint = try loader(dir).load(kubeconfigPath: path, context: "dev")
        #expect(endpoint.namespace == "default")
        #expect(endpoint.credentials == .tokenFile(path: dir.path + "/dev.token"))
    }

    @Test func kubeconfigVariableMergesFilesWithTheFirstDefinitionWinning() throws {
        let dir = try TemporaryDirectory()
        let first = try dir.write(
            "a/config",
            """
            clusters:
            - name: shared
              cluster: {server: "http://127.0.0.1:1111"}
            users:
            - name: u
              user: {token: first-token}
            """)
        let second = try dir.write(
            "b/config",
            """
            current-context: ctx
            clusters:
            - name: shared
              cluster: {server: "http://127.0.0.1:2222", insecure-skip-tls-verify: true}
            contexts:
            - name: ctx
              context: {cluster: shared, user: u, namespace: team}
            users:
            - name: u
              user: {token: second-token}
            """)
        let third = try dir.write("c/config", "current-context: ignored\n")
        let env = ["KUBECONFIG": "\(first)::\(dir.path)/missing:\(second):\(third)"]
        let endpoint = try loader(dir, env: env).load()
        #expect(endpoint.server.absoluteString == "http://127.0.0.1:1111")
        #expect(endpoint.tls.insecureSkipVerify == false)
        #expect(endpoint.credentials == .token(Secret("first-token")))
        #expect(endpoint.contextName == "ctx")
        #expect(endpoint.namespace == "team")
        #expect(try loader(dir, env: env).contextNames() == ["ctx"])
    }

    @Test func homeConfigIsUsedWhenKubeconfigIsUnset() throws {
        let dir = try TemporaryDirectory()
        try dir.write(
            "home/.kube/config",
            """
            current-context: c
            clusters: [{name: k, cluster: {server: "http://127.0.0.1:8080"}}]
            contexts: [{name: c, context: {cluster: k}}]
            """)
        let endpoint = try loader(dir).load()
        #expect(endpoint.server.port == 8080)
        #expect(endpoint.credentials == .none)
    }

    @Test func inClusterConfigIsTheLastResort() throws {
        let dir = try TemporaryDirectory()
        try dir.write("sa/token", "sa-token")
        try dir.write("sa/ca.crt", "SA-CA")
        try dir.write("sa/namespace", "kube-system\n")
        let env = ["KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        let endpoint = try loader(dir, env: env).load()
        #expect(endpoint.server.absoluteString == "https://10.0.0.1:443")
        #expect(endpoint.namespace == "kube-system")
        #expect(endpoint.tls.certificateAuthorityPEM == Data("SA-CA".utf8))
        #expect(endpoint.credentials == .tokenFile(path: dir.path + "/sa/token"))
        #expect(endpoint.source == "in-cluster")
    }

    @Test func emptyKubeconfigFallsBackToInCluster() throws {
        let dir = try TemporaryDirectory()
        try dir.write("home/.kube/config", "apiVersion: v1\nkind: Config\n")
        try dir.write("sa/token", "t")
        let env = ["KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        #expect(try loader(dir, env: env).load().source == "in-cluster")
    }

    @Test func inClusterBracketsIPv6Hosts() throws {
        let dir = try TemporaryDirectory()
        try dir.write("sa/token", "t")
        let env = ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "6443"]
        #expect(try loader(dir, env: env).load().server.absoluteString == "https://[fd00::1]:6443")
    }

    @Test func nothingToLoadNamesWhereItLooked() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: KubeconfigError.nothingToLoad(checked: [dir.path + "/home/.kube/config"])) {
            try loader(dir).load()
        }
    }

    @Test func explicitMissingFileIsAnError() throws {
        let dir = try TemporaryDirectory()
        let error = #expect(throws: KubeconfigError.self) { try loader(dir).load(kubeconfigPath: dir.path + "/nope") }
        #expect(error?.description == "\(dir.path)/nope: kubeconfig file not found")
    }

    static let brokenCases: [(String, String)] = [
        (
            """
            current-context: prod
            clusters: [{name: prod, cluster: {server: "https://x"}}]
            contexts: [{name: prod, context: {cluster: prod, user: admin}}]
            """, "context 'prod' names user 'admin' which is not defined"
        ),
        (
            """
            current-context: prod
            contexts: [{name: prod, context: {cluster: gone, user: admin}}]
            """, "context 'prod' names cluster 'gone' which is not defined"
        ),
        ("current-context: prod\n", "context 'prod' is not defined"),
        ("clusters: []\n", "no current-context set and no --context given"),
        (
            """
            current-context: p
            clusters: [{name: k, cluster: {server: "ftp://x"}}]
            contexts: [{name: p, context: {cluster: k}}]
            """, "context 'p' field 'server' is not an http(s) URL: 'ftp://x'"
        ),
        (
            """
            current-context: p
            clusters: [{name: k, cluster: {server: "https://x", certificate-authority-data: "!!!", insecure-skip-tls-verify: true}}]
            contexts: [{name: p, context: {cluster: k}}]
            """, "context 'p' field 'certificate-authority-data' is not valid base64"
        ),
        (
            """
            current-context: p
            clusters: [{name: k, cluster: {server: "https://x", certificate-authority-data: "Q0E=", insecure-skip-tls-verify: true}}]
            contexts: [{name: p, context: {cluster: k}}]
            """, "context 'p' field 'insecure-skip-tls-verify' cannot be combined with a certificate authority"
        ),
        (
            """
            current-context: p
            clusters: [{name: k, cluster: {server: "https://x"}}]
            contexts: [{name: p, context: {cluster: k, user: u}}]
            users: [{name: u, user: {client-certificate-data: "Q0VSVA=="}}]
            """, "context 'p' field 'client-key' is required with a client certificate"
        ),
        (
            """
            current-context: p
            clusters: [{name: k, cluster: {server: "https://x"}}]
            contexts: [{name: p, context: {cluster: k, user: u}}]
            users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: aws}}}]
            """, "context 'p' field 'exec.interactiveMode' is required for client.authentication.k8s.io/v1"
        ),
    ]

    @Test(arguments: brokenCases)
    func brokenKubeconfigGivesOneLineNamingFileContextAndField(yaml: String, message: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("config", yaml)
        let error = #expect(throws: KubeconfigError.self) { try loader(dir).load(kubeconfigPath: path) }
        #expect(error?.description == "\(path): \(message)")
    }

    @Test func yamlSyntaxErrorNamesTheLine() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("config", "current-context: a\nclusters:\n\t- name: x\n")
        let error = #expect(throws: KubeconfigError.self) { try loader(dir).load(kubeconfigPath: path) }
        #expect(error?.description == "\(path) line 3: YAML syntax error: found character that cannot start any token")
    }

    @Test func clientCertificateDataAndKeyAreDecoded() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "config",
            """
            current-context: p
            clusters: [{name: k, cluster: {server: "https://x", certificate-authority-data: "Q0E="}}]
            contexts: [{name: p, context: {cluster: k, user: u}}]
            users: [{name: u, user: {client-certificate-data: "Q0VSVA==", client-key: key.pem}}]
            """)
        try dir.write("key.pem", "KEY")
        let endpoint = try loader(dir).load(kubeconfigPath: path)
        #expect(endpoint.tls.certificateAuthorityPEM == Data("CA".utf8))
        #expect(endpoint.tls.clientCertificatePEM == Data("CERT".utf8))
        #expect(endpoint.tls.clientKeyPEM?.value == "KEY")
        #expect("\(endpoint)".contains("KEY") == false)
    }

    @Test func secretsNeverPrintThemselves() {
        let secret = Secret("s3cr3t")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        #expect("\(Credentials.token(secret))".contains("s3cr3t") == false)
    }
}
