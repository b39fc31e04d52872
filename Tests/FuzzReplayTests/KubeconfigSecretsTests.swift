import Testing

@testable import FuzzTargets

@Suite("Kubeconfig secrets the fuzz target looks for")
struct KubeconfigSecretsTests {
    @Test func aTokenSeenOnlyAsATokenIsLookedFor() {
        let scalars: [(key: String?, value: String)] = [
            (nil, "users"), ("token", "prod-token-0123"), ("name", "admin"),
        ]
        #expect(FuzzTarget.secrets(in: scalars, text: "", besides: "/tmp/config").contains("prod-token-0123"))
    }

    @Test func aSecretThatIsAlsoANameIsNotLookedFor() {
        let scalars: [(key: String?, value: String)] = [
            ("token", "prod-token-0123"), ("current-context", "prod-token-0123"),
            ("current-context", "x-fuzz-token-file-secret-x"),
        ]
        let secrets = FuzzTarget.secrets(in: scalars, text: "", besides: "/tmp/config")
        #expect(!secrets.contains("prod-token-0123"))
        #expect(!secrets.contains("fuzz-token-file-secret"))
        #expect(secrets.contains("fuzz-client-key-secret"))
    }

    @Test func shortTokensAreNotLookedFor() {
        #expect(!FuzzTarget.secrets(in: [("token", "abc")], text: "", besides: "/tmp/config").contains("abc"))
    }

    /// A file Yams cannot read has no scalars, yet its syntax error may quote it.
    @Test func workspaceSecretsTheFileMentionsAreNotLookedFor() {
        let secrets = FuzzTarget.secrets(in: [], text: "a: 1\na: fuzz-token-file-secret\n", besides: "/tmp/config")
        #expect(secrets == ["fuzz-client-key-secret"])
    }
}
