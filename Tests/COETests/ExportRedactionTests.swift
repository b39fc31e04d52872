import COE
import Foundation
import Testing
import Timeline

@Suite("Export redaction and blameless attribution")
struct ExportRedactionTests {
    @Test func ipsAndEmailsAreRemovedOnRequestAndReported() throws {
        var journal = JournalBuilder()
        journal.note("paged oncall@example.com; node 10.0.3.17 and fd00:10:244::5 unreachable at 10:04:05", at: 1)
        let redaction = try ExportRedaction(list: "ips,emails")
        let document = COEBuilder.build(journal.input(), redaction: redaction)
        let markdown = MarkdownRenderer.render(document) { $0.id + ".svg" }
        #expect(!markdown.contains("oncall@example.com") && !markdown.contains("10.0.3.17"))
        #expect(!markdown.contains("fd00:10:244::5"))
        #expect(markdown.contains("paged [email]; node [ip] and [ip] unreachable at 10:04:05"))
        #expect(
            document.appendix.redactions == [
                "at export (--redact ips): 4 IP addresses replaced by [ip]",
                "at export (--redact emails): 2 email addresses replaced by [email]",
            ], "the note in the timeline and in the appendix's journal")
    }

    @Test func withoutRedactTheTextStaysAndTheReportSaysNothingWasRemoved() {
        var journal = JournalBuilder()
        journal.note("node 10.0.3.17", at: 1)
        let document = COEBuilder.build(journal.input())
        #expect(document.timeline.rows.first?.text == "operator: node 10.0.3.17")
        #expect(document.appendix.redactions.first?.hasPrefix("nothing was removed") == true)
    }

    @Test(arguments: ["ips", "emails", "ips, emails", "IP,email"])
    func redactionListsParse(_ list: String) throws {
        #expect(try !ExportRedaction(list: list).kinds.isEmpty)
    }

    @Test func anUnknownRedactionIsRefusedNamingIt() {
        #expect(throws: COEError.unknownRedaction("phones")) { try ExportRedaction(list: "ips,phones") }
    }

    /// Responders appear by role; a name the journal holds shows only with `--names`, and never in the appendix
    /// without it.
    @Test func respondersAppearByRoleUnlessNamesAreAskedFor() {
        var journal = JournalBuilder()
        journal.note("rolled back", at: 1, evidence: ["user": "alice"])
        let blameless = COEBuilder.build(journal.input())
        #expect(blameless.timeline.rows.first?.text == "operator: rolled back")
        #expect(!MarkdownRenderer.render(blameless) { $0.id }.contains("alice"))
        let named = COEBuilder.build(journal.input(showNames: true))
        #expect(named.timeline.rows.first?.text == "operator (alice): rolled back")
        #expect(named.appendix.journalLines.first?.contains("\"user\":\"alice\"") == true)
    }
}
