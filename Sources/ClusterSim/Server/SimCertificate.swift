import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// A self-signed certificate for 127.0.0.1 and localhost, made fresh for each simulator run.
/// kubectl sends bearer tokens only over TLS, so the simulator serves HTTPS and its kubeconfig trusts this certificate.
public struct SimCertificate: Sendable {
    /// The certificate in PEM, for a kubeconfig's `certificate-authority-data`.
    public let certificatePEM: String
    let certificateDER: [UInt8]
    let privateKeyDER: [UInt8]

    public static func generate(now: Date = Date()) throws(SimError) -> SimCertificate {
        let key = P256.Signing.PrivateKey()
        do {
            let name = try DistinguishedName { CommonName("firebreak-sim") }
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                ])
            }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(86_400 * 30),
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: extensions, issuerPrivateKey: .init(key))
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return SimCertificate(
                certificatePEM: try certificate.serializeAsPEM().pemString,
                certificateDER: serializer.serializedBytes, privateKeyDER: Array(key.derRepresentation))
        } catch {
            throw .certificate(reason: "\(error)")
        }
    }

    func serverContext() throws(SimError) -> NIOSSLContext {
        do {
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: [.certificate(try NIOSSLCertificate(bytes: certificateDER, format: .der))],
                privateKey: .privateKey(try NIOSSLPrivateKey(bytes: privateKeyDER, format: .der)))
            configuration.applicationProtocols = ["http/1.1"]
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .certificate(reason: "\(error)")
        }
    }
}
