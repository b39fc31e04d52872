import Runbooks

/// Draws the runbook panel over the panes: what runs where, the parameters, the dry run's diff, the blast radius,
/// progress and notes, and on its last line the question being asked (with the context and namespace).
public struct RunbookPanelView: Hashable, Sendable {
    public var panel: RunbookPanel
    /// The widest the panel may be.
    public var maximumWidth = 120

    public init(panel: RunbookPanel) {
        self.panel = panel
    }

    public func render(in area: Rect, on screen: inout Screen) {
        let width = min(area.width, maximumWidth)
        guard width >= 20, area.height >= 5 else { return }
        let sections = self.sections(width: width - 4)
        let lines = fitted(sections, height: area.height - 3)
        let height = min(area.height, lines.count + 3)
        let box = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        screen.fill(box, style: Style(.modal))
        screen.box(box, title: "\(panel.title) · \(panel.runbook) · \(panel.risk.rawValue)")
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        let (body, prompt) = inner.splitBottom(1)
        for (offset, line) in lines.prefix(body.height).enumerated() {
            screen.put(line.text, in: body.row(offset), style: Style(line.role))
        }
        let question = self.prompt
        screen.put(question.text, in: prompt, style: Style(question.role))
    }

    /// The sections, each a heading and its lines.
    func sections(width: Int) -> [PanelSection] {
        var head = [
            StyledLine("Target   \(panel.target)"),
            StyledLine("Acts on  \(panel.subject ?? "…")"),
            StyledLine("Where    context \(panel.context) · namespace \(panel.namespace)"),
        ]
        if !panel.overrides.isEmpty {
            head.append(
                StyledLine(
                    "File     \(panel.source) (overrides \(panel.overrides.joined(separator: ", ")))", role: .dim))
        }
        var sections = [PanelSection(nil, head, width: width)]
        sections.append(PanelSection("Parameters", parameterLines, width: width))
        sections.append(PanelSection("Dry-run diff (server)", diffLines, width: width))
        if !panel.blastRadius.isEmpty {
            sections.append(PanelSection("Blast radius", panel.blastRadius.map { StyledLine($0) }, width: width))
        }
        sections.append(PanelSection("Progress", progressLines, width: width, keepsLatest: true))
        if !panel.notes.isEmpty {
            sections.append(PanelSection("Notes", panel.notes.map { StyledLine($0, role: .dim) }, width: width))
        }
        return sections
    }

    private var parameterLines: [StyledLine] {
        guard !panel.parameters.isEmpty else {
            return [StyledLine(panel.phase == .preparing ? "planning…" : "none", role: .dim)]
        }
        let nameWidth = panel.parameters.map(\.name.displayWidth).max() ?? 0
        return panel.parameters.enumerated().map { index, parameter in
            let isSelected = index == panel.selectedParameter && panel.phase == .reviewing
            let value =
                isSelected && panel.editing != nil
                ? (panel.editing ?? "") + "▏" : parameter.value + (parameter.note.map { "  (\($0))" } ?? "")
            let marker = isSelected ? "▸ " : "  "
            return StyledLine(
                marker + parameter.name.padded(toWidth: nameWidth) + "  " + value,
                role: isSelected ? .rowSelected : .modal)
        }
    }

    private var diffLines: [StyledLine] {
        if panel.changes.isEmpty {
            let waiting = panel.phase == .preparing ? "checking permissions and dry-running…" : "no changes"
            return [StyledLine(waiting, role: .dim)]
        }
        return panel.changes.map { StyledLine($0, role: .severityWarning) }
    }

    private var progressLines: [StyledLine] {
        var lines: [StyledLine] = []
        lines += timingLine(round: 0, prefix: "")
        var round = 0
        for line in panel.progress {
            switch line.state {
            case .running: lines.append(StyledLine("… \(line.text)", role: .severityInfo))
            case .done: lines.append(StyledLine("✓ \(line.text)"))
            case .failed: lines.append(StyledLine("✗ \(line.text)", role: .error))
            case .info: lines.append(StyledLine("· \(line.text)", role: .dim))
            case .superseded:
                let step = line.text.hasSuffix("…") ? String(line.text.dropLast()) : line.text
                lines.append(StyledLine("↻ \(step): not applied", role: .severityWarning))
            }
            if line.kind == ProgressLine.replan {
                round += 1
                lines += timingLine(round: round, prefix: "re-planned: ")
            }
        }
        for (index, line) in panel.status.enumerated() {
            let mark = panel.isFinished ? "· " : "… "
            lines.append(StyledLine((index == 0 ? mark : "  ") + line, role: .severityInfo))
        }
        if case .finished(let status, let message) = panel.phase {
            let isSuccess = RunbookResult(status, message).isSuccess
            lines.append(
                StyledLine("\(isSuccess ? "✓" : "✗") \(status.rawValue): \(message)", role: isSuccess ? .title : .error)
            )
            if let id = panel.actionID, status != .declined, status != .refused {
                lines.append(StyledLine("action \(id) (firebreak runbook rollback \(id))", role: .dim))
            }
        }
        return lines.isEmpty ? [StyledLine("nothing applied yet", role: .dim)] : lines
    }

    /// The phases of one planning round in the order they ran (`read 2 ms · plan 0 ms`), if any.
    private func timingLine(round: Int, prefix: String) -> [StyledLine] {
        let timings = panel.timings.filter { $0.round == round }
        guard !timings.isEmpty else { return [] }
        let text = timings.map { "\($0.phase) \(Self.milliseconds($0.duration))" }.joined(separator: " · ")
        return [StyledLine("✓ \(prefix)\(text)", role: .dim)]
    }

    /// The sections in `height` lines: blank lines between sections go first, then the longest section loses
    /// lines (a `… N more` line says how many; progress keeps its latest lines), then whole sections from the end.
    func fitted(_ sections: [PanelSection], height: Int) -> [StyledLine] {
        var shown = sections.map(\.lines.count)
        func layout(spaced: Bool) -> [StyledLine] {
            var out: [StyledLine] = []
            for (index, section) in sections.enumerated() where shown[index] > 0 {
                if spaced, !out.isEmpty { out.append(StyledLine("")) }
                if let heading = section.heading { out.append(StyledLine(heading, role: .title)) }
                let hidden = section.lines.count - shown[index]
                guard hidden > 0 else {
                    out += section.lines
                    continue
                }
                let more = StyledLine("… \(hidden + 1) more", role: .dim)
                out +=
                    section.keepsLatest
                    ? [more] + section.lines.suffix(shown[index] - 1) : section.lines.prefix(shown[index] - 1) + [more]
            }
            return out
        }
        if layout(spaced: true).count <= height { return layout(spaced: true) }
        while layout(spaced: false).count > height {
            let candidates = sections.indices.filter { sections[$0].heading != nil && shown[$0] > 1 }
            if let longest = candidates.max(by: { shown[$0] < shown[$1] }) {
                shown[longest] -= 1
            } else if let last = sections.indices.last(where: { shown[$0] > 0 && sections[$0].heading != nil }) {
                shown[last] = 0
            } else {
                break
            }
        }
        return Array(layout(spaced: false).prefix(height))
    }

    /// The question on the last line, or what the engineer can do now.
    var prompt: StyledLine {
        let place = "context \(panel.context), namespace \(panel.namespace)"
        if let editing = panel.editing, panel.parameters.indices.contains(panel.selectedParameter) {
            return StyledLine(
                "\(panel.parameters[panel.selectedParameter].name) = \(editing)▏  Enter set · Esc keep", role: .prompt)
        }
        switch panel.phase {
        case .preparing:
            return StyledLine(
                panel.acceptsWhenReady
                    ? "Dry-running… the question follows · Esc cancel" : "Dry-running… Enter accept · Esc cancel",
                role: .footer)
        case .reviewing:
            let again = panel.isAskingAgain ? "The object changed: re-planned. " : ""
            return StyledLine("\(again)Enter accept parameters · ↑↓ choose · e edit · Esc cancel", role: .footerKey)
        case .confirming(let typed):
            if case .typeName(let name) = panel.confirmation {
                return StyledLine("Type '\(name)' then Enter to apply in \(place): \(typed)▏", role: .prompt)
            }
            return StyledLine("Apply to \(place)?  y yes · n no", role: .prompt)
        case .running:
            let escape = panel.status.isEmpty ? "Esc hide" : "Esc stop (what was done stays done)"
            return StyledLine("Running in \(place) · \(escape)", role: .footer)
        case .offeringRollback(let reason):
            return StyledLine("\(reason). Roll back to the snapshot?  y yes · n no", role: .prompt)
        case .finished:
            return StyledLine("Esc close", role: .footer)
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
    }
}
