import COE
import ClusterModel
import Foundation
import Testing
import Timeline

@Suite("COE builder: sections, times, why #1, timeline")
struct COEBuilderTests {
    /// An empty journal still gives every section; what needs the engineer says so with a prompt.
    @Test(arguments: COESection.allCases)
    func anUnwrittenSectionAsksForItsText(_ section: COESection) {
        let document = COEBuilder.build(JournalBuilder().input())
        let markdown = MarkdownRenderer.render(document) { $0.id + ".svg" }
        #expect(markdown.contains("> ✍ **To write** (`firebreak coe edit \(section.rawValue)`): "))
    }

    @Test func everyHeadingIsInTheMarkdownInOrder() {
        let markdown = MarkdownRenderer.render(COEBuilder.build(JournalBuilder().input())) { $0.id + ".svg" }
        let positions = COEDocument.headings.map { markdown.range(of: "## \($0)\n")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func aWrittenSectionReplacesItsPromptAndItsLatestEditWins() {
        var journal = JournalBuilder()
        journal.section(.lessons, "first try", at: 50)
        journal.section(.lessons, "Limits need an owner.", at: 55)
        let document = COEBuilder.build(journal.input())
        #expect(document.lessons.text == "Limits need an owner.")
        let markdown = MarkdownRenderer.render(document) { $0.id + ".svg" }
        #expect(!markdown.contains("firebreak coe edit lessons") && !markdown.contains("first try\n"))
    }

    /// Time to detect, acknowledge, mitigate and resolve, each from impact start.
    @Test func durationsAreMeasuredFromImpactStart() {
        var journal = JournalBuilder()
        for (milestone, minutes) in zip(Milestone.allCases, [2.0, 6, 8, 12.5, 32]) {
            journal.milestone(milestone, at: minutes)
        }
        let document = COEBuilder.build(journal.input())
        #expect(document.detection.timeToDetect.hasPrefix("4m (impact started 09:02:00 → detected 09:06:00)"))
        #expect(document.diagnosis.timeToAcknowledge.hasPrefix("6m ("))
        #expect(document.mitigation.timeToMitigate.hasPrefix("10m 30s ("))
        #expect(document.mitigation.timeToResolve.hasPrefix("30m ("))
        #expect(document.impact.window.hasPrefix("10m 30s (impact started 09:02:00 → mitigated 09:12:30)"))
    }

    @Test func aMissingMilestoneIsAskedFor() {
        var journal = JournalBuilder()
        journal.milestone(.impactStarted, at: 0)
        let document = COEBuilder.build(journal.input())
        #expect(document.mitigation.timeToMitigate.contains("set the mitigated milestone"))
        #expect(document.checklist.contains { !$0.isOK && $0.text.contains("milestones to set or confirm") })
    }

    /// Without milestones, Firebreak's proposals fill in impact start and detection, marked as proposed.
    @Test func proposedMilestonesAreUsedAndMarked() {
        var journal = JournalBuilder()
        journal.oom(pod: "coredns-a", count: 2, first: 3, last: 5)
        let document = COEBuilder.build(journal.input())
        #expect(document.detection.timeToDetect.contains("proposed"))
        #expect(document.timeline.rows.contains { $0.milestone == .impactStarted && $0.text.contains("proposed") })
    }

    /// "container coredns OOMKilled at limit 170Mi, 4 times in 12 min" from the observations, citing them.
    @Test func whyOneIsSeededFromTheOOMEvidence() {
        var journal = JournalBuilder()
        journal.oom(pod: "coredns-a", count: 3, first: 0, last: 11.5)
        journal.oom(pod: "coredns-b", count: 1, first: 4, last: 4)
        let document = COEBuilder.build(journal.input())
        #expect(
            document.whys.seed
                == "container coredns OOMKilled at limit 170Mi, 4 times in 12 min across 2 pods (journal #1, #2)")
    }

    @Test func withoutAnySignalWhyOneAsksTheEngineer() {
        #expect(COEBuilder.build(JournalBuilder().input()).whys.seed.contains("firebreak coe edit whys"))
    }

    /// Impact as "X of Y (Z%)" against the workload's desired replicas.
    @Test func impactIsAShareOfTheDesiredReplicas() {
        var journal = JournalBuilder()
        journal.oom(pod: "coredns-a", count: 3, first: 0, last: 10, evidence: ["desiredReplicas": .number(4)])
        let impact = COEBuilder.build(journal.input()).impact
        #expect(impact.workloads.map(\.workload) == ["Deployment kube-system/coredns"])
        #expect(
            impact.workloads.first?.lines.first
                == "pods OOM-killed: 1 of 4 (25%) of the desired replicas; 3 OOM kills in all")
    }

    @Test(arguments: [
        ([0.0, 10, 30], [30.0]),
        ([0.0, 14, 28], []),
        ([0.0, 16, 17, 40], [16.0, 40]),
    ])
    func silencesOver15MinutesAreFlagged(_ notes: [Double], _ flaggedAt: [Double]) {
        var journal = JournalBuilder()
        for minutes in notes { journal.note("at \(minutes)", at: minutes) }
        let timeline = COEBuilder.build(journal.input()).timeline
        #expect(timeline.rows.filter { $0.gapBefore != nil }.map(\.time) == flaggedAt.map(JournalBuilder.at))
        #expect((timeline.gapPrompt != nil) == !flaggedAt.isEmpty)
    }

    @Test func hiddenEntriesAreLeftOutUnlessPinned() {
        var journal = JournalBuilder()
        let noise = journal.note("noise", at: 1)
        let key = journal.note("key finding", at: 2)
        journal.note("plain", at: 3)
        journal.add(.curation(.hide, of: noise.id, context: "kind-demo", at: JournalBuilder.at(4)))
        journal.add(.curation(.hide, of: key.id, context: "kind-demo", at: JournalBuilder.at(4)))
        journal.add(.curation(.pin, of: key.id, context: "kind-demo", at: JournalBuilder.at(4)))
        let timeline = COEBuilder.build(journal.input()).timeline
        #expect(timeline.rows.map(\.text) == ["operator: key finding", "operator: plain"])
        #expect(timeline.rows.first?.isPinned == true)
        #expect(timeline.hiddenCount == 1)
    }

    @Test func milestonesAreMarkedInTheTimelineAndTimesAreUTCOnce() {
        var journal = JournalBuilder()
        journal.note("looking", at: 1)
        journal.milestone(.detected, at: 1)
        let document = COEBuilder.build(journal.input())
        #expect(document.timeline.rows.first?.milestone == .detected, "a milestone sorts first at its time")
        let markdown = MarkdownRenderer.render(document) { $0.id + ".svg" }
        #expect(markdown.contains("| 09:01:00 |  | milestone |  | ◆ detected |"))
        #expect(markdown.components(separatedBy: "UTC").count - 1 == 2, "the header and the timeline's lead-in")
    }

    @Test func theJSONCarriesTheSameContent() throws {
        var journal = JournalBuilder()
        journal.oom(pod: "coredns-a", count: 3, first: 0, last: 10)
        journal.note("looking", at: 1)
        let document = COEBuilder.build(journal.input())
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(COEDocument.self, from: Data(try JSONRenderer.render(document).utf8))
        #expect(decoded == document)
    }

    @Test func theSectionTemplateKeepsTheTextAndDropsComments() {
        let document = COEBuilder.build(JournalBuilder().input())
        let template = SectionTemplate.make(.whys, current: "1. Why? Because.", document: document)
        #expect(template.hasPrefix("1. Why? Because.\n"))
        #expect(template.contains("# Why #1 from the evidence: "))
        #expect(
            SectionTemplate.parse(template + "2. Why? A mechanism.\n") == "1. Why? Because.\n\n2. Why? A mechanism.")
    }
}
