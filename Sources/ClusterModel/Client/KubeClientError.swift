/// Why a request to the API server failed. Descriptions name the request path; credentials never appear.
public enum KubeClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error Status.
    case api(KubeAPIError, path: String)
    /// No HTTP response: connection refused, reset, timed out, TLS failure.
    case transport(path: String, problem: String)
    /// The body could not be decoded into the expected projection.
    case decode(KubeDecodeError)
    /// A watch stream ended in the middle of an event.
    case watchCut(path: String, pendingBytes: Int)
    /// The credentials could not be obtained (exec plugin, token file).
    case credentials(KubeconfigError)
    /// The TLS material in the kubeconfig is unusable.
    case tlsConfiguration(String)

    public var description: String {
        switch self {
        case .api(let error, let path): return "\(error) (\(path))"
        case .transport(let path, let problem): return "Cannot reach the API server (\(path)): \(problem)"
        case .decode(let error): return error.description
        case .watchCut(let path, let bytes):
            return "Watch \(path) was cut mid-event (\(bytes) bytes of a partial line discarded)"
        case .credentials(let error): return error.description
        case .tlsConfiguration(let problem): return "Invalid TLS configuration: \(problem)"
        }
    }

    /// The API error, when the server answered.
    public var apiError: KubeAPIError? {
        if case .api(let error, _) = self { return error }
        return nil
    }
}
