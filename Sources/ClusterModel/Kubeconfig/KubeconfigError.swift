/// Why a kubeconfig (or the in-cluster configuration) could not be turned into a `ClusterEndpoint`.
/// Each description is one line naming the file, the context and the field. Secrets never appear.
public enum KubeconfigError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(path: String)
    case unreadable(path: String, reason: String)
    case yamlSyntax(path: String, line: Int?, problem: String)
    case invalidField(path: String, context: String?, field: String, problem: String)
    case noContextSelected(path: String)
    case contextNotDefined(path: String, context: String)
    case clusterNotDefined(path: String, context: String, cluster: String)
    case userNotDefined(path: String, context: String, user: String)
    case nothingToLoad(checked: [String])
    case notInCluster(missing: String)
    case execFailed(command: String, problem: String)

    /// One line: values quoted from the file are shown with their control characters escaped.
    public var description: String { text.escapingControlCharacters }

    private var text: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): kubeconfig file not found"
        case .unreadable(let path, let reason):
            return "\(path): cannot read kubeconfig: \(reason)"
        case .yamlSyntax(let path, let line, let problem):
            let at = line.map { " line \($0)" } ?? ""
            return "\(path)\(at): YAML syntax error: \(problem)"
        case .invalidField(let path, let context, let field, let problem):
            let ctx = context.map { " context '\($0)'" } ?? ""
            return "\(path):\(ctx) field '\(field)' \(problem)"
        case .noContextSelected(let path):
            return "\(path): no current-context set and no --context given"
        case .contextNotDefined(let path, let context):
            return "\(path): context '\(context)' is not defined"
        case .clusterNotDefined(let path, let context, let cluster):
            return "\(path): context '\(context)' names cluster '\(cluster)' which is not defined"
        case .userNotDefined(let path, let context, let user):
            return "\(path): context '\(context)' names user '\(user)' which is not defined"
        case .nothingToLoad(let checked):
            return "No kubeconfig found (checked \(checked.joined(separator: ", "))) and not running inside a cluster"
        case .notInCluster(let missing):
            return "In-cluster configuration unavailable: \(missing)"
        case .execFailed(let command, let problem):
            return "Credential plugin '\(command)' failed: \(problem)"
        }
    }
}
