import Foundation

/// The folder the kubeconfig target writes its inputs to (owner-only, removed at exit), holding the files a fuzzed
/// kubeconfig may name by relative path: `ca.crt`, `client.crt`, `client.key` and `token`.
enum KubeconfigWorkspace {
    /// What the `token` file and the client key hold: neither may ever appear in a message or a description.
    static let fileSecrets = ["fuzz-token-file-secret", "fuzz-client-key-secret"]

    static let path: String = {
        let path = FileManager.default.temporaryDirectory.path + "/firebreak-fuzz-kubeconfig-\(getpid())"
        try? FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let files = [
            "ca.crt": "-----BEGIN CERTIFICATE-----\nZnV6ei1jYQ==\n-----END CERTIFICATE-----\n",
            "client.crt": "-----BEGIN CERTIFICATE-----\nZnV6ei1jbGllbnQ=\n-----END CERTIFICATE-----\n",
            "client.key": "-----BEGIN PRIVATE KEY-----\n\(fileSecrets[1])\n-----END PRIVATE KEY-----\n",
            "token": fileSecrets[0] + "\n",
        ]
        for (name, contents) in files {
            create(path + "/" + name, Data(contents.utf8))
        }
        atexit { try? FileManager.default.removeItem(atPath: KubeconfigWorkspace.path) }
        return path
    }()

    /// Writes `contents` under a fresh name (callers may run in parallel) and returns the path.
    static func write(_ contents: Data) -> String {
        let file = path + "/config-" + UUID().uuidString
        create(file, contents)
        return file
    }

    /// Creates an owner-only file; the harness cannot run without its workspace, so failing stops the process.
    private static func create(_ file: String, _ contents: Data) {
        guard FileManager.default.createFile(atPath: file, contents: contents, attributes: [.posixPermissions: 0o600])
        else { fatalError("fuzz workspace: cannot write \(file)") }
    }
}
