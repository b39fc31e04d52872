import COE
import ClusterModel
import Foundation
import Testing
import Timeline

/// A node's OOM kill is one timeline line: the Node OOM signal with the kernel's Warning events it counts.
@Suite("Node OOM kills in the COE timeline")
struct NodeOOMKillsTests {
    static func nodeOOM(_ journal: inout JournalBuilder, node: String, count: Int, first: Double, last: Double) {
        let observation = Observation(
            id: "nodeOOM/\(node)", kind: .nodeOOM, severity: .critical,
            subject: ObservationSubject(kind: "Node", name: node),
            firstSeen: JournalBuilder.at(first), lastSeen: JournalBuilder.at(last), count: count,
            summary: "OOMKilling \(count)×: Memory cgroup out of memory: Killed process 1003 (coredns)")
        journal.add(.observation(observation, context: "kind-demo", at: JournalBuilder.at(first)))
    }

    static func event(_ journal: inout JournalBuilder, node: String, reason: String = "OOMKilling", at minutes: Double)
    {
        let time = JournalBuilder.at(minutes)
        journal.add(
            EntryDraft(
                context: "kind-demo", clusterTime: time.addingTimeInterval(6), source: "events",
                subject: ObservationSubject(kind: "Node", name: node), summary: "\(reason): Killed process (coredns)",
                evidence: ["reason": .string(reason)],
                body: .warningEvent(
                    WarningEventRecord(
                        reason: reason,
                        occurrence: Occurrence(
                            key: "event:\(node)/\(minutes)", count: 1, firstSeen: time, lastSeen: time)))))
    }

    @Test func eachKillIsOneLineWithTheSignalAndItsWarningEvents() throws {
        var journal = JournalBuilder()
        Self.nodeOOM(&journal, node: "node-2", count: 2, first: 1, last: 2)
        Self.event(&journal, node: "node-2", at: 1)
        Self.event(&journal, node: "node-2", at: 2)
        Self.event(&journal, node: "node-3", at: 1.5)
        Self.event(&journal, node: "node-2", reason: "BackOff", at: 1.5)
        Self.event(&journal, node: "node-2", at: 30)
        let rows = COEBuilder.build(journal.input()).timeline.rows
        let signal = try #require(rows.first { $0.sequence == 1 })
        #expect(signal.alsoSequences == [2, 3], "the node's kills within the signal's span")
        #expect(signal.text.hasSuffix("; kills at 09:01:00, 09:02:00 (Warning events)"), "\(signal.text)")
        #expect(
            rows.filter { $0.milestone == nil }.map(\.sequence).sorted() == [1, 4, 5, 6],
            "another node's, another reason's and a later kill stay")
        let markdown = MarkdownRenderer.render(COEBuilder.build(journal.input())) { "coe-\($0.id).svg" }
        #expect(markdown.contains("(Warning events) (#1, #2, #3) |"))
    }
}
