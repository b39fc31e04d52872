import ClusterSim
import Foundation
import TestSupport
import Testing

/// `firebreak signals` says what is wrong in plain words, and quickly, when the first contact fails.
@Suite("Trouble said in words", .serialized)
struct TroubleMessageTests {
    /// Runs `firebreak signals` on `kubeconfig`; returns its status, stderr and how long it took.
    private func signals(_ kubeconfig: String) async throws -> (status: Int32, stderr: String, seconds: Double) {
        let started = ContinuousClock.now
        let run = try FirebreakProcess(["signals", "--kubeconfig", kubeconfig, "--timeout", "30"])
        let status = try await run.wait(timeout: 40)
        let elapsed = ContinuousClock.now - started
        return (status, run.stderr, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test func aRefusedConnectionIsSaidWithinSeconds() async throws {
        let served = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike"))
        let kubeconfig = try served.kubeconfig(for: .admin)
        await served.server.stop()  // nothing listens on the port any more
        let result = try await signals(kubeconfig)
        await served.stop()
        #expect(result.status != 0)
        #expect(result.stderr.contains("connection refused"), "\(result.stderr)")
        #expect(result.seconds < 5, "took \(result.seconds) s")
    }

    @Test func anUntrustedCertificateIsNamed() async throws {
        let served = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike"))
        let other = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike"))
        let path = (served.kubeconfigPath as NSString).deletingLastPathComponent + "/config-wrong-ca"
        try SimKubeconfig.write(
            to: path, server: served.url, token: served.token(for: .admin),
            certificateAuthorityPEM: other.server.certificate?.certificatePEM)
        let result = try await signals(path)
        await served.stop()
        await other.stop()
        #expect(result.status != 0)
        #expect(result.stderr.contains("TLS: certificate signed by an unknown authority"), "\(result.stderr)")
        #expect(result.stderr.contains("context 'firebreak-sim'"), "\(result.stderr)")
        #expect(result.seconds < 5, "took \(result.seconds) s")
    }

    @Test func aRejectedTokenIsSaidAsUnauthorized() async throws {
        let served = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike"))
        let path = (served.kubeconfigPath as NSString).deletingLastPathComponent + "/config-expired"
        try SimKubeconfig.write(
            to: path, server: served.url, token: "expired-token-0123456789",
            certificateAuthorityPEM: served.server.certificate?.certificatePEM)
        let result = try await signals(path)
        await served.stop()
        #expect(result.status != 0)
        #expect(result.stderr.contains("401 Unauthorized"), "\(result.stderr)")
        #expect(!result.stderr.contains("expired-token-0123456789"), "the token is never printed")
        #expect(result.seconds < 5, "took \(result.seconds) s")
    }

    @Test func nodesTheViewRoleCannotListAreSaidOnceNotShownEmpty() async throws {
        let served = try await ServedSimulator.start(
            try SimCluster(scenario: "coredns-dns-spike", start: Date()), user: .view)
        let result = try await signals(served.kubeconfigPath)
        await served.stop()
        #expect(result.status == 0, "\(result.stderr)")
        let line = "forbidden: user view cannot list nodes at the cluster scope"
        #expect(result.stderr.components(separatedBy: line).count == 2, "once: \(result.stderr)")
    }
}
