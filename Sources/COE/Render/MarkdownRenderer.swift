import Foundation

/// The COE as Markdown (readable in any review tool): charts linked as SVG files beside it, sparklines inline.
public enum MarkdownRenderer {
    /// `chartLink` names the SVG file of a chart, relative to the Markdown (`coe-1a2b3c4d-coredns-memory.svg`).
    public static func render(_ document: COEDocument, chartLink: (Chart) -> String) -> String {
        var out: [String] = []
        for block in DocumentBlocks.blocks(document) {
            switch block {
            case .heading(let level, let text):
                out.append(String(repeating: "#", count: level) + " " + inline(text))
            case .paragraph(let text):
                out.append(inline(text))
            case .prompt(let section, let text):
                out.append(
                    "> ✍ **To write**" + (section.isEmpty ? "" : " (`firebreak coe edit \(section)`)") + ": "
                        + inline(text))
            case .written(let text):
                out.append(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "  \n"))
            case .list(let items):
                out.append(items.map { "- " + inline($0) }.joined(separator: "\n"))
            case .checklist(let items):
                out.append(
                    items.map { "- [\($0.isOK ? "x" : " ")] " + ($0.isOK ? "" : "⚠ ") + inline($0.text) }.joined(
                        separator: "\n"))
            case .table(let header, let rows):
                var lines = ["| " + header.map(cell).joined(separator: " | ") + " |"]
                lines.append("|" + header.map { _ in " --- |" }.joined())
                lines += rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
                out.append(lines.joined(separator: "\n"))
            case .chart(let chart, let sparklines):
                var lines = ["![\(inline(chart.title))](\(chartLink(chart)))", ""]
                lines += sparklines.map { "- `\($0)`" }
                out.append(lines.joined(separator: "\n"))
            case .code(let lines):
                out.append((["```jsonl"] + lines + ["```"]).joined(separator: "\n"))
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// Text on one line with Markdown's active characters made literal where they would start markup.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\n": out += " "
            case "<": out += "&lt;"
            case "*", "_", "`", "[", "]": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }

    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }
}
