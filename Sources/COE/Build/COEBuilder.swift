import ClusterModel
import Foundation
import Timeline

/// Builds a `COEDocument` from the journal: pure, the same input gives the same document.
public enum COEBuilder {
    public static func build(_ input: COEInput, redaction: ExportRedaction = ExportRedaction()) -> COEDocument {
        let facts = IncidentFacts(input)
        let written = { (section: COESection, prompt: String) in
            Written(text: facts.written[section], prompt: prompt, section: section)
        }
        let title = written(
            .title, "State the customer-visible symptom, not the cause (e.g. \"DNS lookups failed for shop\")")
        let whys = written(
            .whys,
            "Write the chain from why #1 below, one why per line, including why detection and recovery were not "
                + "faster; stop at a mechanism, never at \"human error\"")
        let reflections = COEDocument.Reflections(
            hints: reflectionHints(facts),
            wentWell: written(.wentWell, "What went well? (what made detection, diagnosis or mitigation faster)"),
            wentWrong: written(.wentWrong, "What went wrong? (what made it slower or worse)"),
            lucky: written(.lucky, "Where did we get lucky? (what could have made it worse and did not)"))
        let actionItems = ActionItems.rows(facts)
        var document = COEDocument(
            header: header(facts, title: title),
            summary: COEDocument.Summary(
                draft: summaryDraft(facts),
                written: written(
                    .summary, "Write the final 3-5 sentences: what customers saw, for how long, why, and how it ended")),
            impact: ImpactFacts.section(
                facts, written: written(.impact, "Who was affected, and how? (customers, requests, teams)")),
            timeline: TimelineRows.section(facts),
            charts: ChartBuilder.charts(facts),
            detection: COEDocument.Detection(
                timeToDetect: facts.durationText(to: .detected), firstSignal: firstSignal(facts),
                earlierEvidence: earlierEvidence(facts),
                written: written(.detection, "How could detection take half as long? Which alert should have fired?")),
            diagnosis: COEDocument.Diagnosis(
                timeToAcknowledge: facts.durationText(to: .acknowledged),
                acknowledgeToAction: acknowledgeToAction(facts),
                runbooks: Array(Set(facts.actions.map(\.record.runbook))).sorted(),
                written: written(.diagnosis, "What slowed diagnosis? What would have made the cause obvious sooner?")),
            mitigation: COEDocument.Mitigation(
                actions: ActionTable.rows(facts), timeToMitigate: facts.durationText(to: .mitigated),
                timeToResolve: facts.durationText(to: .resolved),
                written: written(.mitigation, "Why this mitigation? Is it temporary or permanent?")),
            whys: COEDocument.Whys(
                seed: WhySeed.seed(facts), candidateFactors: WhySeed.candidateFactors(facts), written: whys),
            reflections: reflections,
            lessons: written(.lessons, "What did we learn? Link each lesson to an action item"),
            actionItems: actionItems,
            related: related(facts),
            checklist: [],
            appendix: COEDocument.Appendix(
                journalLines: JournalLines.lines(input.entries, showNames: input.showNames),
                redactions: JournalLines.writeRedactions(input.entries)))
        document.checklist = checklist(document, facts: facts)
        let (redacted, report) = redaction.apply(to: document)
        document = redacted
        document.appendix.redactions += report
        if document.appendix.redactions.isEmpty {
            document.appendix.redactions = [
                "nothing was removed: the journal held no secret, and no --redact was given"
            ]
        }
        return document
    }

    static func header(_ facts: IncidentFacts, title: Written) -> COEDocument.Header {
        let incident = facts.input.incident
        let subjects = facts.timeline.items.compactMap(\.entry.subject)
        let workloads = Set(facts.observations.compactMap { IncidentFacts.workload(of: $0.entry) })
        let complete = [COESection.title, .summary, .whys, .lessons].allSatisfy { facts.written[$0] != nil }
        return COEDocument.Header(
            incidentID: incident.id.uuidString.lowercased(), title: title, workingTitle: incident.title,
            context: incident.context, namespaces: Array(Set(subjects.compactMap(\.namespace))).sorted(),
            workloads: workloads.sorted().map(IncidentFacts.readable),
            status: incident.isOpen ? "draft (incident open)" : complete ? "in review" : "draft",
            ownerRole: "incident commander", timezone: "UTC", generatedAt: facts.input.generatedAt)
    }

    static func summaryDraft(_ facts: IncidentFacts) -> [String] {
        var lines: [String] = []
        if let start = facts.milestones[.impactStarted] {
            lines.append("Impact began at \(COEFormat.dateTime(start.at))\(start.proposed ? " (proposed)" : "").")
        }
        // The most severe, a container's OOM kill before a node's, then the most frequent, then the earliest.
        let rank = { (observation: (entry: JournalEntry, record: ObservationRecord)) in
            (
                observation.record.severity, observation.record.kind == .oomKilled ? 1 : 0,
                observation.record.occurrence.count, -observation.entry.sequence
            )
        }
        if let main = facts.observations.max(by: { rank($0) < rank($1) }) {
            lines.append("Main signal: \(main.entry.subject?.description ?? "cluster"): \(main.entry.summary).")
        }
        if let first = facts.actions.first {
            lines.append(
                "Mitigation: \(first.record.runbook) \(first.record.step) at \(COEFormat.time(first.intent.stamp.cluster))."
            )
        }
        for milestone in [Milestone.detected, .mitigated, .resolved] {
            if let value = facts.milestones[milestone] {
                lines.append(
                    "\(milestone.title.capitalized) at \(COEFormat.time(value.at))\(value.proposed ? " (proposed)" : "")."
                )
            }
        }
        if lines.isEmpty { lines.append("No milestone or signal in the journal yet.") }
        return lines
    }

    static func firstSignal(_ facts: IncidentFacts) -> String {
        guard
            let critical = facts.observations.filter({ $0.record.severity == .critical })
                .min(by: { ($0.entry.stamp.cluster, $0.entry.sequence) < ($1.entry.stamp.cluster, $1.entry.sequence) })
        else { return "no critical signal in the journal" }
        return "\(COEFormat.time(critical.entry.stamp.cluster)): \(critical.entry.subject?.description ?? "cluster"): "
            + "\(critical.entry.summary) (journal #\(critical.entry.sequence))"
    }

    /// Events and signals seen before the detected milestone: what could have detected it sooner.
    static func earlierEvidence(_ facts: IncidentFacts) -> [String] {
        guard let detected = facts.milestones[.detected]?.at else { return [] }
        return facts.timeline.items.map(\.entry).filter { entry in
            [.warningEvent, .observation, .changeSeen].contains(entry.kind) && entry.stamp.cluster < detected
        }.prefix(5).map { entry in
            "\(COEFormat.time(entry.stamp.cluster)) \(TimelineRows.label(entry)): \(entry.summary) (journal #\(entry.sequence))"
        }
    }

    static func acknowledgeToAction(_ facts: IncidentFacts) -> String {
        guard let acknowledged = facts.milestones[.acknowledged]?.at else {
            return "unknown: set the acknowledged milestone"
        }
        guard let first = facts.actions.first(where: { !$0.record.isDryRun }) ?? facts.actions.first else {
            return "no action recorded in the journal"
        }
        return "\(COEFormat.duration(first.intent.stamp.cluster.timeIntervalSince(acknowledged))) "
            + "(acknowledged \(COEFormat.time(acknowledged)) → \(first.record.runbook) \(COEFormat.time(first.intent.stamp.cluster)))"
    }

    static func reflectionHints(_ facts: IncidentFacts) -> [String] {
        var hints: [String] = []
        if let detect = facts.sinceImpact(.detected) {
            hints.append("time to detect was \(COEFormat.duration(detect)): did an alert page, or did someone notice?")
        }
        if facts.actions.contains(where: { action in action.results.isEmpty }) {
            hints.append("an action has no result in the journal: what happened to it?")
        }
        if !facts.actions.isEmpty {
            hints.append("runbooks used: \(Set(facts.actions.map(\.record.runbook)).sorted().joined(separator: ", "))")
        }
        if facts.timeline.items.contains(where: {
            if case .changeSeen = $0.entry.body { return true } else { return false }
        }) {
            hints.append("changes were seen during the incident: were they planned and announced?")
        }
        return hints
    }

    static func related(_ facts: IncidentFacts) -> [String] {
        var items: [String] = []
        for item in facts.timeline.items {
            if case .changeSeen(let record) = item.entry.body, record.change == .rollout {
                items.append(
                    "rollout of \(item.entry.subject?.description ?? "a workload"): \(record.before ?? "—") → "
                        + "\(record.after ?? "—") at \(COEFormat.time(item.entry.stamp.cluster))")
            }
        }
        for runbook in Set(facts.actions.map(\.record.runbook)).sorted() { items.append("runbook \(runbook)") }
        return items
    }

    static func checklist(_ document: COEDocument, facts: IncidentFacts) -> [COEDocument.ChecklistItem] {
        var items: [COEDocument.ChecklistItem] = []
        let missing = COESection.allCases.filter { facts.written[$0] == nil }
        items.append(
            COEDocument.ChecklistItem(
                isOK: missing.isEmpty,
                text: missing.isEmpty
                    ? "every engineer-written section is written"
                    : "sections to write: \(missing.map(\.rawValue).joined(separator: ", ")) (firebreak coe edit SECTION)"
            ))
        let unset = Milestone.allCases.filter { facts.milestones[$0] == nil || facts.milestones[$0]?.proposed == true }
        items.append(
            COEDocument.ChecklistItem(
                isOK: unset.isEmpty,
                text: unset.isEmpty
                    ? "every milestone is confirmed"
                    : "milestones to set or confirm: \(unset.map(\.rawValue).joined(separator: ", "))"))
        let gaps = document.timeline.rows.filter { $0.gapBefore != nil }.count
        items.append(
            COEDocument.ChecklistItem(
                isOK: gaps == 0,
                text: gaps == 0 ? "no unexplained gap over 15 minutes" : "\(gaps) gap(s) over 15 minutes to explain"))
        let incomplete = document.actionItems.filter {
            $0.status == "open" && ($0.ownerRole == nil || $0.due == nil || $0.priority == nil)
        }
        items.append(
            COEDocument.ChecklistItem(
                isOK: incomplete.isEmpty,
                text: incomplete.isEmpty
                    ? "every open action item has an owner role, a due date and a priority"
                    : "\(incomplete.count) open action item(s) lack an owner role, due date or priority"))
        let warnings = BlamelessCheck.warnings(
            whys: facts.written[.whys] ?? "", names: Responders.names(in: facts.input.entries))
        if warnings.isEmpty {
            items.append(
                COEDocument.ChecklistItem(
                    isOK: facts.written[.whys] != nil,
                    text: facts.written[.whys] != nil ? "the 5 whys read blameless" : "the 5 whys are not written yet"))
        } else {
            items += warnings.map { COEDocument.ChecklistItem(isOK: false, text: $0) }
        }
        return items
    }
}
