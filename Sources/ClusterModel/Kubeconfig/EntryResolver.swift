import Foundation

/// Turns one context's cluster and user entries into endpoint values, reading referenced files.
struct EntryResolver {
    var contextName: String
    var environment: KubeconfigEnvironment

    private func invalid(_ origin: KubeconfigOrigin, _ field: String, _ problem: String) -> KubeconfigError {
        .invalidField(path: origin.path, context: contextName, field: field, problem: problem)
    }

    func server(_ cluster: KubeconfigFile.Cluster, origin: KubeconfigOrigin) throws(KubeconfigError) -> URL {
        guard let text = cluster.server, !text.isEmpty else { throw invalid(origin, "server", "is required") }
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else {
            throw invalid(origin, "server", "is not an http(s) URL: '\(text)'")
        }
        return url
    }

    func tls(_ cluster: KubeconfigFile.Cluster, origin: KubeconfigOrigin) throws(KubeconfigError) -> TLSSettings {
        var tls = TLSSettings(
            insecureSkipVerify: cluster.insecureSkipTLSVerify ?? false,
            serverName: cluster.tlsServerName.flatMap { $0.isEmpty ? nil : $0 })
        tls.certificateAuthorityPEM = try pem(
            data: cluster.certificateAuthorityData, dataField: "certificate-authority-data",
            file: cluster.certificateAuthority, fileField: "certificate-authority", origin: origin)
        if tls.insecureSkipVerify && tls.certificateAuthorityPEM != nil {
            throw invalid(origin, "insecure-skip-tls-verify", "cannot be combined with a certificate authority")
        }
        return tls
    }

    func clientCertificate(
        _ user: KubeconfigFile.User, origin: KubeconfigOrigin,
        into tls: inout TLSSettings
    ) throws(KubeconfigError) {
        let cert = try pem(
            data: user.clientCertificateData, dataField: "client-certificate-data",
            file: user.clientCertificate, fileField: "client-certificate", origin: origin)
        let key = try pem(
            data: user.clientKeyData, dataField: "client-key-data",
            file: user.clientKey, fileField: "client-key", origin: origin)
        switch (cert, key) {
        case (nil, nil): return
        case (.some, nil): throw invalid(origin, "client-key", "is required with a client certificate")
        case (nil, .some): throw invalid(origin, "client-certificate", "is required with a client key")
        case (.some(let cert), .some(let key)):
            tls.clientCertificatePEM = cert
            tls.clientKeyPEM = Secret(String(decoding: key, as: UTF8.self))
        }
    }

    func credentials(
        _ user: KubeconfigFile.User, cluster: KubeconfigFile.Cluster,
        origin: KubeconfigOrigin
    ) throws(KubeconfigError) -> Credentials {
        if let token = user.token, !token.isEmpty { return .token(Secret(token)) }
        if let file = user.tokenFile, !file.isEmpty {
            let path = origin.resolve(file)
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw invalid(origin, "tokenFile", "names '\(path)' which cannot be read")
            }
            return .tokenFile(path: path)
        }
        guard let exec = user.exec else { return .none }
        return .exec(try execConfig(exec, cluster: cluster, origin: origin))
    }

    private func execConfig(
        _ exec: KubeconfigFile.Exec, cluster: KubeconfigFile.Cluster,
        origin: KubeconfigOrigin
    ) throws(KubeconfigError) -> ExecPluginConfig {
        let versions = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]
        guard let apiVersion = exec.apiVersion, versions.contains(apiVersion) else {
            throw invalid(
                origin, "exec.apiVersion",
                "must be one of \(versions.joined(separator: ", ")) (got '\(exec.apiVersion ?? "")')")
        }
        guard let command = exec.command, !command.isEmpty else { throw invalid(origin, "exec.command", "is required") }
        let mode: ExecPluginConfig.InteractiveMode
        if let raw = exec.interactiveMode {
            guard let parsed = ExecPluginConfig.InteractiveMode(rawValue: raw) else {
                throw invalid(origin, "exec.interactiveMode", "must be Never, IfAvailable or Always (got '\(raw)')")
            }
            mode = parsed
        } else if apiVersion.hasSuffix("/v1") {
            throw invalid(origin, "exec.interactiveMode", "is required for client.authentication.k8s.io/v1")
        } else {
            mode = .ifAvailable
        }
        let resolvedCommand = command.contains("/") ? origin.resolve(command) : command
        let info = ExecPluginConfig.ClusterInfo(
            server: cluster.server ?? "", tlsServerName: cluster.tlsServerName,
            insecureSkipTLSVerify: cluster.insecureSkipTLSVerify ?? false,
            certificateAuthorityData: cluster.certificateAuthorityData)
        return ExecPluginConfig(
            apiVersion: apiVersion, command: resolvedCommand, args: exec.args ?? [],
            env: (exec.env ?? []).map { .init(name: $0.name, value: $0.value) },
            interactiveMode: mode, provideClusterInfo: exec.provideClusterInfo ?? false,
            installHint: exec.installHint, cluster: info)
    }

    /// Bytes from a `*-data` (base64) field, which wins over the matching file path.
    private func pem(
        data: String?, dataField: String, file: String?, fileField: String,
        origin: KubeconfigOrigin
    ) throws(KubeconfigError) -> Data? {
        if let data, !data.isEmpty {
            guard let decoded = Data(base64Encoded: data, options: .ignoreUnknownCharacters) else {
                throw invalid(origin, dataField, "is not valid base64")
            }
            return decoded
        }
        guard let file, !file.isEmpty else { return nil }
        let path = origin.resolve(file)
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw invalid(origin, fileField, "names '\(path)' which cannot be read")
        }
        return bytes
    }
}
