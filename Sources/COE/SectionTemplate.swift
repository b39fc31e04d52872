import Timeline

/// The text `firebreak coe edit SECTION` opens in `$EDITOR`, as `git commit` does: the current text, then comment
/// lines (`#`) with the prompt and, for the 5 whys, why #1 from the evidence. Comment lines are dropped on save.
public enum SectionTemplate {
    public static func make(_ section: COESection, current: String?, document: COEDocument) -> String {
        var lines = [
            current ?? "", "", "# COE section: \(section.title) (incident \(document.header.incidentID.prefix(8)))",
        ]
        lines.append("# \(prompt(section, document: document))")
        if section == .whys {
            lines.append("# Why #1 from the evidence: \(document.whys.seed)")
            lines += document.whys.candidateFactors.map { "# Candidate factor: \($0)" }
        }
        lines.append("# Lines starting with '#' are ignored; an empty text leaves the section unchanged.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The saved text without comment lines and surrounding blank lines.
    public static func parse(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func prompt(_ section: COESection, document: COEDocument) -> String {
        let all: [Written] = [
            document.header.title, document.summary.written, document.impact.written, document.detection.written,
            document.diagnosis.written, document.mitigation.written, document.whys.written,
            document.reflections.wentWell, document.reflections.wentWrong, document.reflections.lucky, document.lessons,
        ]
        return all.first { $0.section == section }?.prompt ?? section.title
    }
}
