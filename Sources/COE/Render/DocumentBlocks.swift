import Foundation
import Timeline

/// Lays a `COEDocument` out as blocks, section by section, in the outline's order.
enum DocumentBlocks {
    static func blocks(_ document: COEDocument) -> [Block] {
        var blocks: [Block] = [.heading(level: 1, text: title(document))]
        let headings = COEDocument.headings
        let header = document.header
        blocks.append(.heading(level: 2, text: headings[0]))
        blocks.append(
            .table(
                header: ["", ""],
                rows: [
                    ["Incident", header.incidentID], ["Cluster context", header.context],
                    ["Namespaces", header.namespaces.isEmpty ? "—" : header.namespaces.joined(separator: ", ")],
                    ["Workloads and nodes", header.workloads.isEmpty ? "—" : header.workloads.joined(separator: ", ")],
                    ["Status", header.status], ["Owner", header.ownerRole],
                    ["Times", "all times are \(header.timezone)"],
                    ["Generated", COEFormat.dateTime(header.generatedAt) + " (this machine's clock)"],
                ]))
        blocks += written(header.title)

        blocks.append(.heading(level: 2, text: headings[1]))
        blocks.append(.paragraph("Draft from the journal: " + document.summary.draft.joined(separator: " ")))
        blocks += written(document.summary.written)

        blocks.append(.heading(level: 2, text: headings[2]))
        blocks.append(.paragraph("Impact window: \(document.impact.window)."))
        if document.impact.workloads.isEmpty {
            blocks.append(.paragraph("No affected workload in the journal."))
        }
        for workload in document.impact.workloads {
            blocks.append(.paragraph("\(workload.workload):"))
            blocks.append(.list(workload.lines))
        }
        blocks += written(document.impact.written)

        blocks.append(.heading(level: 2, text: headings[3]))
        blocks += timeline(document.timeline)

        blocks.append(.heading(level: 2, text: headings[4]))
        if document.charts.isEmpty {
            blocks.append(
                .prompt(
                    section: "",
                    text:
                        "No metric samples were recorded for this incident: add the graphs that tell the story by hand")
            )
        }
        for chart in document.charts {
            blocks.append(.chart(chart, sparklines: Sparkline.lines(chart)))
        }

        blocks.append(.heading(level: 2, text: headings[5]))
        blocks.append(
            .list([
                "Time to detect: \(document.detection.timeToDetect)", "First signal: \(document.detection.firstSignal)",
            ]))
        if !document.detection.earlierEvidence.isEmpty {
            blocks.append(.paragraph("Seen before detection:"))
            blocks.append(.list(document.detection.earlierEvidence))
        }
        blocks += written(document.detection.written)

        blocks.append(.heading(level: 2, text: headings[6]))
        blocks.append(
            .list([
                "Time to acknowledge: \(document.diagnosis.timeToAcknowledge)",
                "Acknowledge to first mitigating action: \(document.diagnosis.acknowledgeToAction)",
                "Runbooks opened: "
                    + (document.diagnosis.runbooks.isEmpty
                        ? "none recorded" : document.diagnosis.runbooks.joined(separator: ", ")),
            ]))
        blocks += written(document.diagnosis.written)

        blocks.append(.heading(level: 2, text: headings[7]))
        blocks.append(
            .list([
                "Time to mitigate: \(document.mitigation.timeToMitigate)",
                "Time to resolve: \(document.mitigation.timeToResolve)",
            ]))
        if document.mitigation.actions.isEmpty {
            blocks.append(.paragraph("No runbook action is recorded in the journal."))
        } else {
            blocks.append(
                .table(
                    header: [
                        "Time", "Runbook", "Step", "Parameters", "Dry-run diff", "Confirmation", "Result",
                        "Verification",
                    ],
                    rows: document.mitigation.actions.map { action in
                        [
                            COEFormat.time(action.time), action.runbook, action.step, action.parameters,
                            action.dryRunDiff,
                            action.confirmation, action.result, action.verification,
                        ]
                    }))
        }
        blocks += written(document.mitigation.written)

        blocks.append(.heading(level: 2, text: headings[8]))
        blocks.append(.paragraph("Why #1 (from the evidence): \(document.whys.seed)"))
        if !document.whys.candidateFactors.isEmpty {
            blocks.append(.paragraph("Candidate contributing factors from the data:"))
            blocks.append(.list(document.whys.candidateFactors))
        }
        blocks += written(document.whys.written)

        blocks.append(.heading(level: 2, text: headings[9]))
        if !document.reflections.hints.isEmpty {
            blocks.append(.paragraph("Hints from the journal:"))
            blocks.append(.list(document.reflections.hints))
        }
        for (label, value) in [
            ("What went well", document.reflections.wentWell), ("What went wrong", document.reflections.wentWrong),
            ("Where we got lucky", document.reflections.lucky),
        ] {
            blocks.append(.heading(level: 3, text: label))
            blocks += written(value)
        }

        blocks.append(.heading(level: 2, text: headings[10]))
        blocks += written(document.lessons)

        blocks.append(.heading(level: 2, text: headings[11]))
        if document.actionItems.isEmpty {
            blocks.append(
                .prompt(
                    section: "",
                    text:
                        "No action item yet: add them with firebreak incident item TEXT --owner ROLE --due DATE --priority P1"
                ))
        } else {
            blocks.append(
                .table(
                    header: ["Status", "Type", "Action", "Owner role", "Due", "Priority", "Source"],
                    rows: document.actionItems.map { item in
                        [
                            item.status, item.type, item.text, item.ownerRole ?? "to assign",
                            item.due.map(COEFormat.day) ?? "to set", item.priority ?? "to set", item.source,
                        ]
                    }))
        }

        blocks.append(.heading(level: 2, text: headings[12]))
        blocks.append(
            document.related.isEmpty
                ? .prompt(
                    section: "", text: "No rollout or runbook in the journal: link tickets, dashboards and earlier COEs"
                )
                : .list(document.related))

        blocks.append(.heading(level: 2, text: headings[13]))
        blocks.append(.checklist(document.checklist.map { ($0.isOK, $0.text) }))

        blocks.append(.heading(level: 2, text: headings[14]))
        blocks.append(.heading(level: 3, text: "Redaction report"))
        blocks.append(.list(document.appendix.redactions))
        blocks.append(.heading(level: 3, text: "Journal (JSON Lines)"))
        blocks.append(.code(document.appendix.journalLines))
        return blocks
    }

    static func title(_ document: COEDocument) -> String {
        document.header.title.text.map { "COE: \($0)" } ?? "COE (draft): \(document.header.workingTitle)"
    }

    static func written(_ written: Written) -> [Block] {
        if let text = written.text { return [.written(text)] }
        return [.prompt(section: written.section.rawValue, text: written.prompt)]
    }

    static func timeline(_ section: COEDocument.TimelineSection) -> [Block] {
        var blocks: [Block] = []
        if let first = section.rows.first {
            blocks.append(
                .paragraph(
                    "From the journal, \(COEFormat.day(first.time)), UTC; T is measured from impact start; "
                        + "◆ marks a milestone"
                        + (section.hiddenCount > 0
                            ? "; \(section.hiddenCount) hidden entries left out (pin to show)" : "")
                        + "."))
        } else {
            blocks.append(.prompt(section: "", text: "The journal holds no entry yet for this incident"))
            return blocks
        }
        var rows: [[String]] = []
        for row in section.rows {
            if let gap = row.gapBefore {
                rows.append(["⚠", "", "gap", "", "\(COEFormat.duration(gap)) without an entry: explain what happened"])
            }
            let what = row.milestone != nil ? "◆ \(row.text)" : (row.isPinned ? "📌 " : "") + row.text
            rows.append([
                COEFormat.time(row.time), row.offset ?? "", row.kind, row.subject ?? "",
                what + (row.milestone == nil ? " (#\(row.sequence))" : ""),
            ])
        }
        blocks.append(.table(header: ["Time", "T", "Kind", "Subject", "What"], rows: rows))
        if let prompt = section.gapPrompt { blocks.append(.prompt(section: "", text: prompt)) }
        return blocks
    }
}
