import ClusterModel
import Foundation
import Yams

extension FuzzTarget {
    /// Properties of a kubeconfig file, loaded as `--kubeconfig <file>` and through `KUBECONFIG` with a copy of itself:
    /// - one-line errors: a rejected file's error is one line that starts with the file's path, and the values it
    ///   quotes show no control characters;
    /// - merge: `KUBECONFIG=<file>:<copy>` resolves exactly as the file alone (the first definition wins);
    /// - contexts: a resolved context is among `contextNames`;
    /// - secrets: no token, no client key and no token file's content appears in an error or in the endpoint's
    ///   description.
    ///
    /// Files a kubeconfig names are read at load time, so inputs that name an absolute path or a parent folder are
    /// skipped: the target reads only its workspace, never `/dev/zero` or a FIFO.
    func checkKubeconfig(_ input: Data) throws(FuzzFailure) {
        let scalars = Self.scalars(in: input)
        guard !scalars.contains(where: { $0.value.hasPrefix("/") || $0.value.contains("..") }) else { return }
        let path = KubeconfigWorkspace.write(input)
        let copy = KubeconfigWorkspace.write(input)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: copy)
        }
        let workspace = KubeconfigWorkspace.path
        let alone = KubeconfigLoader(environment: KubeconfigEnvironment(variables: [:], homeDirectory: workspace))
        let merged = KubeconfigLoader(
            environment: KubeconfigEnvironment(variables: ["KUBECONFIG": path + ":" + copy], homeDirectory: workspace))
        let result = Result { () throws(KubeconfigError) in try alone.load(kubeconfigPath: path) }
        let mergedResult = Result { () throws(KubeconfigError) in try merged.load() }

        let secrets = Self.secrets(in: scalars, text: String(decoding: input, as: UTF8.self), besides: path)
        switch result {
        case .failure(let error):
            let text = error.description
            try require(
                text.hasPrefix(path) && Self.isOneLine(text), "one-line errors", text.debugDescription)
            for secret in secrets where text.contains(secret) {
                throw FuzzFailure(target: self, property: "secrets", detail: "the error shows a secret: \(text)")
            }
        case .success(let endpoint):
            let names = try? alone.contextNames(kubeconfigPath: path)
            try require(
                names?.contains(endpoint.contextName) == true, "contexts",
                "resolved context '\(endpoint.contextName)' is not among \(names.map { "\($0)" } ?? "nil")")
            let texts = [String(describing: endpoint), String(reflecting: endpoint)]
            for secret in secrets where texts.contains(where: { $0.contains(secret) }) {
                throw FuzzFailure(
                    target: self, property: "secrets", detail: "the endpoint's description shows a secret")
            }
        }
        try require(result == mergedResult, "merge", "alone: \(result), with a copy: \(mergedResult)")
    }

    /// Every scalar of the YAML document (keys and values) with the key it is the value of; empty when Yams cannot
    /// read it, and then neither can the loader.
    static func scalars(in input: Data) -> [(key: String?, value: String)] {
        guard let text = String(data: input, encoding: .utf8), let node = try? Yams.compose(yaml: text) else {
            return []
        }
        var found: [(key: String?, value: String)] = []
        func walk(_ node: Node, key: String?) {
            switch node {
            case .scalar(let scalar): found.append((key, scalar.string))
            case .sequence(let sequence): sequence.forEach { walk($0, key: nil) }
            case .mapping(let mapping):
                for (name, value) in mapping {
                    walk(name, key: nil)
                    walk(value, key: name.scalar?.string)
                }
            case .alias: break
            }
        }
        walk(node, key: nil)
        return found
    }

    /// The secret values the file and the workspace hold (tokens, decoded client keys, the token and key files) that
    /// are long enough to recognise and appear in no other scalar of the file, nor (for the workspace's) anywhere in
    /// its text: finding one in a message then means the message shows the secret, not a name that contains it.
    static func secrets(in scalars: [(key: String?, value: String)], text: String, besides path: String) -> [String] {
        var candidates = KubeconfigWorkspace.fileSecrets.filter { !text.contains($0) }
        for (key, value) in scalars {
            if key == "token" { candidates.append(value) }
            if key == "client-key-data", let data = Data(base64Encoded: value, options: .ignoreUnknownCharacters) {
                candidates.append(String(decoding: data, as: UTF8.self))
            }
        }
        return candidates.filter { secret in
            secret.count >= 8 && !path.contains(secret)
                && !scalars.contains { $0.key != "token" && $0.value.contains(secret) }
        }
    }
}
