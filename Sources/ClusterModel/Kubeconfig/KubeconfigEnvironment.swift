import Foundation

/// The outside world the loader reads: environment variables, the home folder and the service-account folder.
/// Tests inject temporary folders so loading is hermetic.
public struct KubeconfigEnvironment: Sendable {
    public var variables: [String: String]
    public var homeDirectory: String
    /// Folder holding `token`, `ca.crt` and `namespace` for in-cluster configuration.
    public var serviceAccountRoot: String

    public init(
        variables: [String: String], homeDirectory: String,
        serviceAccountRoot: String = "/var/run/secrets/kubernetes.io/serviceaccount"
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.serviceAccountRoot = serviceAccountRoot
    }

    /// The current process's environment and home folder.
    public static var process: KubeconfigEnvironment {
        let env = ProcessInfo.processInfo.environment
        return KubeconfigEnvironment(variables: env, homeDirectory: env["HOME"] ?? NSHomeDirectory())
    }
}
