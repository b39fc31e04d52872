import Foundation

/// Finds, merges and resolves kubeconfig files the way kubectl does, or falls back to in-cluster configuration.
///
/// Order: an explicit path (only that file), else every path in `KUBECONFIG` (merged, first definition wins),
/// else `~/.kube/config`, else the service account mounted into the pod.
public struct KubeconfigLoader: Sendable {
    public var environment: KubeconfigEnvironment

    public init(environment: KubeconfigEnvironment = .process) {
        self.environment = environment
    }

    /// Resolves the endpoint for `context` (or the current context) from `kubeconfigPath` or the default search.
    public func load(kubeconfigPath: String? = nil, context: String? = nil) throws(KubeconfigError) -> ClusterEndpoint {
        let paths = try candidatePaths(explicit: kubeconfigPath)
        if paths.isEmpty {
            if environment.variables["KUBERNETES_SERVICE_HOST"] != nil {
                return try InClusterConfig(environment: environment).load()
            }
            throw .nothingToLoad(checked: searchedLocations())
        }
        var merged = MergedKubeconfig()
        for path in paths {
            merged.merge(try Self.read(path: path), origin: KubeconfigOrigin(path: path))
        }
        if merged.isEmpty, kubeconfigPath == nil, context == nil,
            environment.variables["KUBERNETES_SERVICE_HOST"] != nil
        {
            return try InClusterConfig(environment: environment).load()
        }
        return try merged.resolve(contextOverride: context, firstPath: paths[0], environment: environment)
    }

    /// Names of every context in the merged configuration, for a context picker.
    public func contextNames(kubeconfigPath: String? = nil) throws(KubeconfigError) -> [String] {
        var merged = MergedKubeconfig()
        for path in try candidatePaths(explicit: kubeconfigPath) {
            merged.merge(try Self.read(path: path), origin: KubeconfigOrigin(path: path))
        }
        return merged.contexts.keys.sorted()
    }

    /// The existing files to merge, in priority order.
    func candidatePaths(explicit: String?) throws(KubeconfigError) -> [String] {
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else { throw .fileNotFound(path: explicit) }
            return [explicit]
        }
        if let list = environment.variables["KUBECONFIG"], !list.isEmpty {
            var seen = Set<String>()
            return list.split(separator: ":").map(String.init).filter { path in
                guard !path.isEmpty, !seen.contains(path) else { return false }
                seen.insert(path)
                return FileManager.default.fileExists(atPath: path)
            }
        }
        let home = environment.homeDirectory + "/.kube/config"
        return FileManager.default.fileExists(atPath: home) ? [home] : []
    }

    private func searchedLocations() -> [String] {
        if let list = environment.variables["KUBECONFIG"], !list.isEmpty { return ["KUBECONFIG=\(list)"] }
        return [environment.homeDirectory + "/.kube/config"]
    }

    static func read(path: String) throws(KubeconfigError) -> KubeconfigFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try KubeconfigFile.parse(text, path: path)
    }
}

/// The file that defined an entry: relative paths in the entry resolve against its folder.
struct KubeconfigOrigin: Sendable {
    var path: String
    var directory: String { (path as NSString).deletingLastPathComponent }

    func resolve(_ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        let dir = directory.isEmpty ? "." : directory
        return dir + "/" + relative
    }
}
