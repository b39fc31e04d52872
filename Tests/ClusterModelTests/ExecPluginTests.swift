import Foundation
import TestSupport
import Testing

@testable import ClusterModel

@Suite("Exec credential plugins")
struct ExecPluginTests {
    /// A plugin that counts its runs, records its environment and prints a token numbered by run.
    static func writePlugin(
        _ dir: TemporaryDirectory, apiVersion: String = "client.authentication.k8s.io/v1",
        expiry: String = "2999-01-01T00:00:00Z", exitCode: Int = 0
    ) throws -> String {
        try dir.write(
            "bin/get-token",
            """
            #!/bin/sh
            n=$(cat "\(dir.path)/runs" 2>/dev/null || echo 0)
            n=$((n+1))
            echo $n > "\(dir.path)/runs"
            printf '%s' "$KUBERNETES_EXEC_INFO" > "\(dir.path)/exec-info"
            printf '%s %s' "$PLUGIN_PROFILE" "$*" > "\(dir.path)/env-args"
            if [ \(exitCode) -ne 0 ]; then echo "plugin says no" >&2; exit \(exitCode); fi
            printf '{"apiVersion":"\(apiVersion)","kind":"ExecCredential","status":{"token":"tok-%s","expirationTimestamp":"\(expiry)"}}' "$n"
            """)
    }

    /// Runs the script through `/bin/sh`: executing a file just written can fail with ETXTBSY while parallel tests fork.
    static func config(
        _ script: String, apiVersion: String = "client.authentication.k8s.io/v1",
        provideClusterInfo: Bool = true
    ) -> ExecPluginConfig {
        ExecPluginConfig(
            apiVersion: apiVersion, command: "/bin/sh", args: [script, "eks", "get-token"],
            env: [.init(name: "PLUGIN_PROFILE", value: "prod")], interactiveMode: .never,
            provideClusterInfo: provideClusterInfo,
            cluster: .init(
                server: "https://api.example", tlsServerName: "api.internal",
                insecureSkipTLSVerify: false, certificateAuthorityData: "Q0E="))
    }

    @Test func pluginTokenIsCachedUntilExpiryAndRotatedAfterA401() async throws {
        let dir = try TemporaryDirectory()
        let plugin = try Self.writePlugin(dir)
        let provider = CredentialProvider(
            credentials: .exec(Self.config(plugin)), parentEnvironment: ["PATH": "/usr/bin:/bin"])
        let first = try await provider.bearerToken()
        let again = try await provider.bearerToken()
        #expect(first?.value == "tok-1")
        #expect(again?.value == "tok-1")
        #expect(await provider.tokenRejected(first) == true)
        #expect(try await provider.bearerToken()?.value == "tok-2")
        #expect(await provider.tokenRejected(first) == true, "a stale token does not invalidate the rotated one")
        #expect(try await provider.bearerToken()?.value == "tok-2")
    }

    @Test func expiredPluginTokenIsFetchedAgain() async throws {
        let dir = try TemporaryDirectory()
        let plugin = try Self.writePlugin(dir, expiry: "2000-01-01T00:00:00Z")
        let provider = CredentialProvider(credentials: .exec(Self.config(plugin)), parentEnvironment: [:])
        #expect(try await provider.bearerToken()?.value == "tok-1")
        #expect(try await provider.bearerToken()?.value == "tok-2")
    }

    @Test func pluginGetsArgsEnvAndClusterInfo() async throws {
        let dir = try TemporaryDirectory()
        let plugin = try Self.writePlugin(dir, apiVersion: "client.authentication.k8s.io/v1beta1")
        let config = Self.config(plugin, apiVersion: "client.authentication.k8s.io/v1beta1")
        _ = try await ExecPluginRunner.run(config, parentEnvironment: [:])
        #expect(try String(contentsOfFile: dir.path + "/env-args", encoding: .utf8) == "prod eks get-token")
        let info =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/exec-info")))
            as? [String: Any]
        #expect(info?["apiVersion"] as? String == "client.authentication.k8s.io/v1beta1")
        let spec = info?["spec"] as? [String: Any]
        #expect(spec?["interactive"] as? Bool == false)
        let cluster = spec?["cluster"] as? [String: Any]
        #expect(cluster?["server"] as? String == "https://api.example")
        #expect(cluster?["tls-server-name"] as? String == "api.internal")
        #expect(cluster?["certificate-authority-data"] as? String == "Q0E=")
    }

    @Test func clusterInfoIsLeftOutUnlessRequested() {
        let info = ExecPluginRunner.execInfo(Self.config("x", provideClusterInfo: false))
        #expect(
            info
                == #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":false}}"#
        )
    }

    @Test func failingPluginReportsExitStatusAndStderr() async throws {
        let dir = try TemporaryDirectory()
        let plugin = try Self.writePlugin(dir, exitCode: 3)
        let error = await #expect(throws: KubeconfigError.self) {
            try await ExecPluginRunner.run(Self.config(plugin), parentEnvironment: [:])
        }
        #expect(error?.description == "Credential plugin '/bin/sh' failed: exit status 3: plugin says no")
    }

    @Test func mismatchedApiVersionIsRejected() async throws {
        let dir = try TemporaryDirectory()
        let plugin = try Self.writePlugin(dir, apiVersion: "client.authentication.k8s.io/v1beta1")
        let error = await #expect(throws: KubeconfigError.self) {
            try await ExecPluginRunner.run(Self.config(plugin), parentEnvironment: [:])
        }
        #expect(error?.description.contains("expected 'client.authentication.k8s.io/v1'") == true)
        #expect(error?.description.contains("tok-") == false)
    }

    @Test func missingCommandShowsTheInstallHint() async throws {
        var config = Self.config("unused")
        config.command = "no-such-plugin-xyz"
        config.installHint = "install the AWS CLI"
        let error = await #expect(throws: KubeconfigError.self) {
            try await ExecPluginRunner.run(config, parentEnvironment: ["PATH": "/nonexistent"])
        }
        #expect(
            error?.description
                == "Credential plugin 'no-such-plugin-xyz' failed: not found on PATH: install the AWS CLI")
    }

    @Test func kubeconfigExecEntryResolvesARelativeCommandAgainstItsFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "kube/config",
            """
            current-context: p
            clusters: [{name: k, cluster: {server: "https://x"}}]
            contexts: [{name: p, context: {cluster: k, user: u}}]
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: ./bin/plugin
                  args: [a, b]
                  env: [{name: K, value: V}]
                  provideClusterInfo: true
            """)
        let loader = KubeconfigLoader(environment: KubeconfigEnvironment(variables: [:], homeDirectory: dir.path))
        guard case .exec(let exec) = try loader.load(kubeconfigPath: path).credentials else {
            Issue.record("expected exec credentials")
            return
        }
        #expect(exec.command == dir.path + "/kube/./bin/plugin")
        #expect(exec.args == ["a", "b"])
        #expect(exec.env == [.init(name: "K", value: "V")])
        #expect(exec.interactiveMode == .ifAvailable)
        #expect(exec.provideClusterInfo)
        #expect(exec.cluster.server == "https://x")
    }

    @Test func tokenFileIsReadAndTrimmed() async throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("token", "abc\n")
        let provider = CredentialProvider(credentials: .tokenFile(path: path))
        #expect(try await provider.bearerToken()?.value == "abc")
    }
}
