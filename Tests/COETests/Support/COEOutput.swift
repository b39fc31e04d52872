import COE
import Foundation
import Timeline

/// Exports of the scripted incident into a folder the test prints, in every format.
struct COEOutput {
    let folder: String
    let document: COEDocument

    /// The generated-at time the golden document uses (the only wall-clock value a COE shows).
    static let generatedAt = Date(timeIntervalSince1970: 1_795_300_000)

    init(_ run: ScriptedIncident, redaction: ExportRedaction = ExportRedaction()) async throws {
        folder = NSTemporaryDirectory() + "firebreak-coe-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let input = COEInput(
            incident: run.incident, entries: try await run.journal.entries(of: run.incident.id),
            samples: try await run.journal.samples(of: run.incident.id), generatedAt: Self.generatedAt)
        document = COEBuilder.build(input, redaction: redaction)
    }

    /// Writes `format` as `coe.<ext>` (Markdown with its SVGs beside it); returns the paths written.
    func write(_ format: COEExport.Format) throws -> [String] {
        try COEExport.write(document, format: format, to: folder + "/coe.\(format.rawValue)")
    }

    /// Replaces every UUID (the incident's and the entries' ids, random per run) by `<id-N>` in order of appearance.
    static func normalised(_ text: String) -> String {
        guard
            let expression = try? NSRegularExpression(
                pattern: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        else { return text }
        var names: [String: String] = [:]
        var result = ""
        var index = text.startIndex
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            let id = String(text[range])
            let name = names[id] ?? "<id-\(names.count + 1)>"
            names[id] = name
            result += text[index..<range.lowerBound] + name
            index = range.upperBound
        }
        return result + text[index...]
    }
}
