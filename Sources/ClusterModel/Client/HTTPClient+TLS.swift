import AsyncHTTPClient
import Foundation
import NIOSSL

extension TLSSettings {
    /// The NIOSSL client configuration for these settings: CA roots, client certificate and key, verification mode.
    func makeTLSConfiguration() throws(KubeClientError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if insecureSkipVerify {
            tls.certificateVerification = .none
        }
        do {
            if let ca = certificateAuthorityPEM {
                let certificates = try NIOSSLCertificate.fromPEMBytes(Array(ca))
                guard !certificates.isEmpty else {
                    throw KubeClientError.tlsConfiguration("certificate authority holds no PEM certificate")
                }
                tls.trustRoots = .certificates(certificates)
            }
            if let cert = clientCertificatePEM, let key = clientKeyPEM {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(cert)).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(key.value.utf8), format: .pem))
            }
        } catch let error as KubeClientError {
            throw error
        } catch {
            throw .tlsConfiguration("cannot load certificate or key PEM (\(type(of: error)))")
        }
        return tls
    }
}
