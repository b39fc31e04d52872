import ClusterModel
import Foundation
import Testing

@testable import Timeline

@Suite("Redaction at write")
struct RedactorTests {
    @Test(arguments: [
        ("Authorization: Bearer abc.def-ghi", "Bearer abc.def-ghi"),
        ("token=firebreak-admin-token in the log", "firebreak-admin-token"),
        ("DB_PASSWORD=hunter2 was set", "hunter2"),
        (
            "client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=",
            "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo="
        ),
        ("sa token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJl leaked", "eyJhbGciOiJSUzI1NiJ9"),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "MIIEow"),
        ("api_key: 'abc 123'", "abc 123"),
    ])
    func secretsInFreeTextAreRemoved(text: String, secret: String) {
        var report: [String] = []
        let redacted = Redactor.redact(text: text, field: "summary", report: &report)
        #expect(!redacted.contains(secret), "\(redacted)")
        #expect(redacted.contains(Redactor.mask))
        #expect(report.count == 1 && report[0].hasPrefix("summary ("), "\(report)")
    }

    @Test(arguments: [
        "OOMKilled 3× in 10m at limit 170Mi, working set 169Mi",
        "Back-off restarting failed container coredns in pod coredns-6d4b",
        "node worker-3 NotReady for 2m",
    ])
    func ordinaryTextIsLeftAlone(text: String) {
        var report: [String] = []
        #expect(Redactor.redact(text: text, field: "summary", report: &report) == text)
        #expect(report.isEmpty)
    }

    @Test func evidenceKeysThatNameSecretsAndEnvironmentValuesAreMaskedKeepingNames() {
        let draft = EntryDraft(
            context: "test", clusterTime: TemporaryJournal.start, source: "signals", summary: "pod env",
            evidence: [
                "env": .object(["LOG_LEVEL": "debug", "API_TOKEN": "s3cr3t"]),
                "clientKey": "-----BEGIN EC PRIVATE KEY-----",
                "kubeconfig": .object(["users": .array([.object(["token": "abc", "name": "admin"])])]),
                "memoryLimit": "170Mi",
            ], body: .note)
        let (redacted, report) = Redactor.redact(draft)
        #expect(redacted.evidence["env"] == .object(["LOG_LEVEL": "[redacted]", "API_TOKEN": "[redacted]"]))
        #expect(redacted.evidence["clientKey"] == "[redacted]")
        #expect(
            redacted.evidence["kubeconfig"]
                == .object(["users": .array([.object(["token": "[redacted]", "name": "admin"])])]))
        #expect(redacted.evidence["memoryLimit"] == "170Mi")
        #expect(
            Set(report)
                == [
                    "evidence.env.LOG_LEVEL", "evidence.env.API_TOKEN", "evidence.clientKey",
                    "evidence.kubeconfig.users[0].token",
                ])
    }

    @Test func theJournalFileNeverHoldsTheSecretAndTheEntryReportsWhereItWasRemoved() async throws {
        let store = try TemporaryJournal()
        defer { store.remove() }
        let incident = try await store.incident()
        let secret = "zz-planted-secret-4711"
        let entry = try await store.journal.append(
            EntryDraft(
                context: "test", clusterTime: TemporaryJournal.at(1), source: "engineer",
                summary: "pasted: Authorization: Bearer \(secret)",
                evidence: ["env": .object(["DB_PASSWORD": .string(secret)]), "message": .string("token: \(secret)")],
                body: .note), to: incident.id)
        #expect(!entry.summary.contains(secret))
        #expect(entry.redactions.contains("evidence.env.DB_PASSWORD"))
        let stored = try #require(try await store.journal.entries(of: incident.id).first)
        #expect(stored.redactions == entry.redactions && !stored.summary.contains(secret))
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: store.directory.journalPath + suffix))) ?? Data()
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "journal\(suffix) holds the secret")
        }
    }
}
