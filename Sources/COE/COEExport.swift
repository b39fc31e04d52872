import Foundation

/// Writes a COE to disk, owner-only (0600): Markdown with its SVG charts beside it, or one JSON or HTML file.
public enum COEExport {
    public enum Format: String, Sendable, CaseIterable {
        case md, json, html

        public init(name: String) throws(COEError) {
            guard let format = Format(rawValue: name.lowercased()) ?? (name.lowercased() == "markdown" ? .md : nil)
            else { throw .unknownFormat(name) }
            self = format
        }
    }

    /// The SVG file name of a chart beside a Markdown file with stem `stem`.
    public static func chartFileName(_ chart: Chart, stem: String) -> String { "\(stem)-\(chart.id).svg" }

    /// Writes `document` to `path` in `format` (and, for Markdown, each chart as an SVG beside it); returns the paths
    /// written.
    public static func write(_ document: COEDocument, format: Format, to path: String) throws(COEError) -> [String] {
        let url = URL(fileURLWithPath: path)
        switch format {
        case .md:
            let stem = url.deletingPathExtension().lastPathComponent
            let folder = url.deletingLastPathComponent()
            var written: [String] = []
            for chart in document.charts {
                let chartPath = folder.appendingPathComponent(chartFileName(chart, stem: stem)).path
                try writeFile(SVGChart.render(chart), to: chartPath)
                written.append(chartPath)
            }
            try writeFile(MarkdownRenderer.render(document) { chartFileName($0, stem: stem) }, to: path)
            return [path] + written
        case .json:
            let text: String
            do {
                text = try JSONRenderer.render(document)
            } catch {
                throw .write(path: path, reason: "\(error)")
            }
            try writeFile(text, to: path)
            return [path]
        case .html:
            try writeFile(HTMLRenderer.render(document), to: path)
            return [path]
        }
    }

    /// Creates or replaces `path` with mode 0600 (the mode is set before any byte is written).
    static func writeFile(_ text: String, to path: String) throws(COEError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .write(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            throw .write(path: path, reason: String(cString: strerror(errno)))
        }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw .write(path: path, reason: String(cString: strerror(errno))) }
            offset += count
        }
    }
}
