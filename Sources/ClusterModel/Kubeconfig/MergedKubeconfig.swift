import Foundation

/// Several kubeconfig files merged by kubectl's rules: the first file to define a name wins (the entry taken whole),
/// and the first non-empty `current-context` wins.
struct MergedKubeconfig {
    var currentContext: (name: String, origin: KubeconfigOrigin)?
    var clusters: [String: (KubeconfigFile.Cluster, KubeconfigOrigin)] = [:]
    var contexts: [String: (KubeconfigFile.Context, KubeconfigOrigin)] = [:]
    var users: [String: (KubeconfigFile.User, KubeconfigOrigin)] = [:]

    /// No context, cluster or user defined anywhere: kubectl then falls back to in-cluster configuration.
    var isEmpty: Bool { currentContext == nil && clusters.isEmpty && contexts.isEmpty && users.isEmpty }

    mutating func merge(_ file: KubeconfigFile, origin: KubeconfigOrigin) {
        if currentContext == nil, let name = file.currentContext, !name.isEmpty {
            currentContext = (name, origin)
        }
        for entry in file.clusters ?? [] where clusters[entry.name] == nil {
            clusters[entry.name] = (entry.value ?? .init(), origin)
        }
        for entry in file.contexts ?? [] where contexts[entry.name] == nil {
            contexts[entry.name] = (entry.value ?? .init(), origin)
        }
        for entry in file.users ?? [] where users[entry.name] == nil {
            users[entry.name] = (entry.value ?? .init(), origin)
        }
    }

    func resolve(
        contextOverride: String?, firstPath: String,
        environment: KubeconfigEnvironment
    ) throws(KubeconfigError) -> ClusterEndpoint {
        let contextName: String
        let contextPath: String
        if let contextOverride {
            contextName = contextOverride
            contextPath = firstPath
        } else if let current = currentContext {
            contextName = current.name
            contextPath = current.origin.path
        } else {
            throw .noContextSelected(path: firstPath)
        }
        guard let (context, contextOrigin) = contexts[contextName] else {
            throw .contextNotDefined(path: contextPath, context: contextName)
        }
        let file = contextOrigin.path
        guard let clusterName = context.cluster, !clusterName.isEmpty else {
            throw .invalidField(path: file, context: contextName, field: "cluster", problem: "is required")
        }
        guard let (cluster, clusterOrigin) = clusters[clusterName] else {
            throw .clusterNotDefined(path: file, context: contextName, cluster: clusterName)
        }
        var user = KubeconfigFile.User()
        var userOrigin = contextOrigin
        if let userName = context.user, !userName.isEmpty {
            guard let found = users[userName] else {
                throw .userNotDefined(path: file, context: contextName, user: userName)
            }
            (user, userOrigin) = found
        }
        let resolver = EntryResolver(contextName: contextName, environment: environment)
        let server = try resolver.server(cluster, origin: clusterOrigin)
        var tls = try resolver.tls(cluster, origin: clusterOrigin)
        try resolver.clientCertificate(user, origin: userOrigin, into: &tls)
        let credentials = try resolver.credentials(user, cluster: cluster, origin: userOrigin)
        let namespace = context.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        return ClusterEndpoint(
            server: server, contextName: contextName, namespace: namespace,
            source: file, tls: tls, credentials: credentials)
    }
}
