import Foundation

/// Everything needed to talk to one API server: the resolved kubeconfig context or in-cluster config.
public struct ClusterEndpoint: Sendable, Equatable {
    /// Base URL of the API server (`http://` or `https://`).
    public var server: URL
    /// Name of the selected context (`in-cluster` for the service-account configuration).
    public var contextName: String
    /// The context's namespace, `default` when unset.
    public var namespace: String
    /// Where the configuration came from (a file path or `in-cluster`), for messages.
    public var source: String
    public var tls: TLSSettings
    public var credentials: Credentials

    public init(
        server: URL, contextName: String, namespace: String = "default", source: String,
        tls: TLSSettings = TLSSettings(), credentials: Credentials = .none
    ) {
        self.server = server
        self.contextName = contextName
        self.namespace = namespace
        self.source = source
        self.tls = tls
        self.credentials = credentials
    }
}

/// TLS material from the kubeconfig: PEM bytes, never paths (they are read at load time).
public struct TLSSettings: Sendable, Equatable {
    /// PEM bundle of trusted CAs; `nil` means the system trust store.
    public var certificateAuthorityPEM: Data?
    public var insecureSkipVerify: Bool
    /// Overrides the SNI / verified host name (`tls-server-name`).
    public var serverName: String?
    public var clientCertificatePEM: Data?
    public var clientKeyPEM: Secret?

    public init(
        certificateAuthorityPEM: Data? = nil, insecureSkipVerify: Bool = false, serverName: String? = nil,
        clientCertificatePEM: Data? = nil, clientKeyPEM: Secret? = nil
    ) {
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.insecureSkipVerify = insecureSkipVerify
        self.serverName = serverName
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
    }
}

/// How requests authenticate (a client certificate, if any, lives in `TLSSettings`).
public enum Credentials: Sendable, Equatable {
    case none
    case token(Secret)
    /// A token re-read from this file periodically (`tokenFile`, service-account token).
    case tokenFile(path: String)
    case exec(ExecPluginConfig)
}

/// A `users[].user.exec` credential plugin, with paths already resolved.
public struct ExecPluginConfig: Sendable, Equatable {
    public enum InteractiveMode: String, Sendable, Equatable {
        case never = "Never"
        case ifAvailable = "IfAvailable"
        case always = "Always"
    }

    public var apiVersion: String
    public var command: String
    public var args: [String]
    public var env: [EnvVar]
    public var interactiveMode: InteractiveMode
    public var provideClusterInfo: Bool
    public var installHint: String?
    /// The cluster fields passed in `KUBERNETES_EXEC_INFO` when `provideClusterInfo` is set.
    public var cluster: ClusterInfo

    public struct EnvVar: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct ClusterInfo: Sendable, Equatable, Encodable {
        public var server: String
        public var tlsServerName: String?
        public var insecureSkipTLSVerify: Bool
        public var certificateAuthorityData: String?

        enum CodingKeys: String, CodingKey {
            case server
            case tlsServerName = "tls-server-name"
            case insecureSkipTLSVerify = "insecure-skip-tls-verify"
            case certificateAuthorityData = "certificate-authority-data"
        }
    }

    public init(
        apiVersion: String, command: String, args: [String] = [], env: [EnvVar] = [],
        interactiveMode: InteractiveMode = .never, provideClusterInfo: Bool = false,
        installHint: String? = nil, cluster: ClusterInfo
    ) {
        self.apiVersion = apiVersion
        self.command = command
        self.args = args
        self.env = env
        self.interactiveMode = interactiveMode
        self.provideClusterInfo = provideClusterInfo
        self.installHint = installHint
        self.cluster = cluster
    }
}
