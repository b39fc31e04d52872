import Foundation

/// The COE as one self-contained HTML file (charts inline as SVG, styles inline), for reviewers who read in a browser.
public enum HTMLRenderer {
    public static func render(_ document: COEDocument) -> String {
        let blocks = DocumentBlocks.blocks(document)
        var body: [String] = []
        var sectionOpen = false
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                if level == 2 {
                    if sectionOpen { body.append("</section>") }
                    body.append("<section>")
                    sectionOpen = true
                }
                body.append("<h\(level)>\(escape(text))</h\(level)>")
            case .paragraph(let text):
                body.append("<p>\(escape(text))</p>")
            case .prompt(let section, let text):
                body.append(
                    #"<p class="prompt">✍ <strong>To write</strong>"#
                        + (section.isEmpty ? "" : " (<code>firebreak coe edit \(escape(section))</code>)")
                        + ": \(escape(text))</p>")
            case .written(let text):
                body.append(
                    #"<div class="written">\#(text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>"))</div>"#
                )
            case .list(let items):
                body.append("<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
            case .checklist(let items):
                body.append(
                    #"<ul class="checklist">"#
                        + items.map {
                            #"<li class="\#($0.isOK ? "ok" : "warn")">\#($0.isOK ? "☑" : "⚠") \#(escape($0.text))</li>"#
                        }
                        .joined() + "</ul>")
            case .table(let header, let rows):
                var table = ["<table>"]
                if header.contains(where: { !$0.isEmpty }) {
                    table.append("<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>")
                }
                table.append("<tbody>")
                table += rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
                table.append("</tbody></table>")
                body.append(table.joined())
            case .chart(let chart, let sparklines):
                body.append(
                    #"<figure class="chart">"# + SVGChart.render(chart) + "<figcaption>"
                        + sparklines.map { "<code>\(escape($0))</code>" }.joined(separator: "<br>")
                        + "</figcaption></figure>")
            case .code(let lines):
                body.append(#"<pre class="journal">"# + lines.map(escape).joined(separator: "\n") + "</pre>")
            }
        }
        if sectionOpen { body.append("</section>") }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(DocumentBlocks.title(document)))</title>
            <style>
            body { font-family: -apple-system, "Segoe UI", sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
            td, th { border: 1px solid #ccc; padding: 0.2rem 0.5rem; vertical-align: top; text-align: left; }
            .prompt { background: #fff8e1; border-left: 4px solid #f0b400; padding: 0.4rem 0.6rem; }
            .written { border-left: 4px solid #4caf50; padding: 0.4rem 0.6rem; }
            .checklist { list-style: none; padding-left: 0; } .checklist .warn { color: #b00020; }
            pre.journal { font-size: 0.75rem; overflow-x: auto; background: #f6f6f6; padding: 0.5rem; }
            figure.chart { margin: 1rem 0; }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    static func escape(_ text: String) -> String { SVGChart.escape(text) }
}
