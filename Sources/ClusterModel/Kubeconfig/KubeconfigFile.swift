import Foundation
import Yams

/// The on-disk shape of one kubeconfig file: only the fields Firebreak uses.
struct KubeconfigFile: Decodable, Sendable {
    var currentContext: String?
    var clusters: [Named<Cluster>]?
    var contexts: [Named<Context>]?
    var users: [Named<User>]?

    enum CodingKeys: String, CodingKey {
        case currentContext = "current-context"
        case clusters, contexts, users
    }

    struct Named<Value: Decodable & Sendable>: Decodable, Sendable {
        var name: String
        var value: Value?

        enum CodingKeys: String, CodingKey { case name, cluster, context, user }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            value =
                try c.decodeIfPresent(Value.self, forKey: .cluster)
                ?? c.decodeIfPresent(Value.self, forKey: .context)
                ?? c.decodeIfPresent(Value.self, forKey: .user)
        }
    }

    struct Cluster: Decodable, Sendable {
        var server: String?
        var certificateAuthority: String?
        var certificateAuthorityData: String?
        var insecureSkipTLSVerify: Bool?
        var tlsServerName: String?

        enum CodingKeys: String, CodingKey {
            case server
            case certificateAuthority = "certificate-authority"
            case certificateAuthorityData = "certificate-authority-data"
            case insecureSkipTLSVerify = "insecure-skip-tls-verify"
            case tlsServerName = "tls-server-name"
        }
    }

    struct Context: Decodable, Sendable {
        var cluster: String?
        var user: String?
        var namespace: String?
    }

    struct User: Decodable, Sendable {
        var token: String?
        var tokenFile: String?
        var clientCertificate: String?
        var clientCertificateData: String?
        var clientKey: String?
        var clientKeyData: String?
        var exec: Exec?

        enum CodingKeys: String, CodingKey {
            case token, tokenFile, exec
            case clientCertificate = "client-certificate"
            case clientCertificateData = "client-certificate-data"
            case clientKey = "client-key"
            case clientKeyData = "client-key-data"
        }
    }

    struct Exec: Decodable, Sendable {
        var apiVersion: String?
        var command: String?
        var args: [String]?
        var env: [EnvVar]?
        var interactiveMode: String?
        var provideClusterInfo: Bool?
        var installHint: String?
    }

    struct EnvVar: Decodable, Sendable {
        var name: String
        var value: String
    }

    /// Parses `text`, mapping YAML errors to one line naming `path` and the line.
    static func parse(_ text: String, path: String) throws(KubeconfigError) -> KubeconfigFile {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return KubeconfigFile() }
        do {
            return try YAMLDecoder().decode(KubeconfigFile.self, from: text)
        } catch let error as YamlError {
            throw syntaxError(error, path: path)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, let yaml = context.underlyingError as? YamlError {
                throw syntaxError(yaml, path: path)
            }
            throw .invalidField(path: path, context: nil, field: error.fieldPath, problem: error.shortReason)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    private static func syntaxError(_ error: YamlError, path: String) -> KubeconfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return .yamlSyntax(path: path, line: mark.line, problem: problem)
        default:
            let firstLine = "\(error)".split(separator: "\n").first.map(String.init) ?? "invalid YAML"
            return .yamlSyntax(path: path, line: nil, problem: firstLine)
        }
    }
}

extension DecodingError {
    /// The dotted key path the error refers to, e.g. `users.0.user.token`.
    var fieldPath: String {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        case .keyNotFound(let key, let c): path = c.codingPath + [key]
        @unknown default: path = []
        }
        return path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    var shortReason: String {
        switch self {
        case .typeMismatch(let type, _): return "has the wrong type (expected \(type))"
        case .valueNotFound: return "is missing a value"
        case .keyNotFound: return "is required"
        case .dataCorrupted(let c): return c.debugDescription
        @unknown default: return "is invalid"
        }
    }
}
