import COE
import ClusterModel
import Foundation
import Testing
import Timeline

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The COE of a scripted `coredns-dns-spike` incident recorded against the served simulator (see
/// `ScriptedIncident`): the golden Markdown, the charts as XML, the HTML in a real browser, no planted secret in any
/// format.
@Suite("COE of a scripted coredns-dns-spike incident", .serialized)
struct ScriptedCOETests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/coredns-dns-spike.md")

    /// Compared with the committed golden file after replacing ids (random UUIDs per run); every time in the
    /// document is the simulator's, which the script alone moves, and generated-at is fixed. `RECORD_GOLDEN=1`
    /// rewrites the file.
    @Test func theMarkdownMatchesTheGoldenDocument() async throws {
        let run = try await ScriptedIncident.shared()
        let output = try await COEOutput(run)
        let markdown = try #require(try output.write(.md).first)
        print("COE output: \(output.folder)")
        let text = COEOutput.normalised(try String(contentsOfFile: markdown, encoding: .utf8))
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try text.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(text == expected, "diff \(Self.golden.path) \(markdown) (after replacing ids)")
    }

    @Test func theStoryIsInTheDocumentWithTheTimeToDetectFromImpactStart() async throws {
        let run = try await ScriptedIncident.shared()
        let document = try await COEOutput(run).document
        let entries = try await run.journal.entries(of: run.incident.id)
        let rollout = try #require(entries.first { $0.kind == .changeSeen })
        let firstCritical = try #require(
            entries.filter { entry in
                if case .observation(let record) = entry.body { return record.severity == .critical }
                return false
            }.min { ($0.stamp.cluster, $0.sequence) < ($1.stamp.cluster, $1.sequence) })
        let kinds = Set(document.timeline.rows.map(\.kind))
        #expect(kinds.contains("critical signal") && kinds.contains("note") && kinds.contains("milestone"))
        #expect(kinds.contains { $0.hasPrefix("change seen") } && kinds.contains("Warning event"))
        #expect(document.timeline.rows.filter { $0.milestone != nil }.map(\.milestone) == Milestone.allCases)
        // Impact starts at the rollout seen before the first OOM kill; detection is the first critical signal.
        let detect = firstCritical.stamp.cluster.timeIntervalSince(rollout.stamp.cluster)
        #expect(detect > 0)
        #expect(document.detection.timeToDetect.hasPrefix(COEFormat.duration(detect) + " ("))
        #expect(document.whys.seed.hasPrefix("container coredns OOMKilled at limit 170Mi, "))
        #expect(document.charts.map(\.metric).contains(.memory))
    }

    /// Each SVG is XML with a `circle.sample` per recorded sample with a value, a `line.milestone` per milestone.
    @Test func everyChartIsXMLWithAPointPerSampleAndAMarkerPerMilestone() async throws {
        let run = try await ScriptedIncident.shared()
        let output = try await COEOutput(run)
        let samples = try await run.journal.samples(of: run.incident.id)
        let charts = try output.write(.md).filter { $0.hasSuffix(".svg") }
        #expect(charts.count == output.document.charts.count && !charts.isEmpty)
        for (chart, path) in zip(output.document.charts, charts) {
            let counts = try SVGCounts(path: path)
            let expected = samples.filter { sample in
                COEOutput.readable(
                    sample.workload ?? "\(sample.subject.kind)/\(sample.subject.namespace ?? "")/\(sample.subject.name)"
                )
                    == chart.workload && ChartValue.has(chart.metric, sample)
            }.count
            #expect(counts.samples == expected, "\(path)")
            #expect(counts.milestones == Milestone.allCases.count, "\(path)")
        }
    }

    /// The self-contained HTML opened in a real headless Chromium: every section heading is in its DOM, each chart
    /// inline, and a screenshot is written beside it (the path is printed).
    @Test func theHTMLShowsEverySectionInAHeadlessBrowser() async throws {
        let run = try await ScriptedIncident.shared()
        let output = try await COEOutput(run)
        let html = try #require(try output.write(.html).first)
        let browser = try HeadlessChromium()
        let dom = try browser.dumpDOM(html)
        for heading in COEDocument.headings {
            #expect(dom.contains("<h2>\(heading)</h2>"), "\(heading) in the DOM")
        }
        #expect(dom.components(separatedBy: "<svg").count - 1 == output.document.charts.count)
        let screenshot = output.folder + "/coe.png"
        try browser.screenshot(html, to: screenshot)
        let attributes = try FileManager.default.attributesOfItem(atPath: screenshot)
        #expect((attributes[.size] as? Int ?? 0) > 10_000)
        print("COE screenshot: \(screenshot)")
    }

    /// The token planted in the Deployment's environment and in a Warning event's message is in the cluster but in
    /// no export.
    @Test func aPlantedTokenIsAbsentFromEveryFormat() async throws {
        let run = try await ScriptedIncident.shared()
        #expect(run.deploymentJSON.contains(ScriptedIncident.plantedToken), "the token was planted")
        let entries = try await run.journal.entries(of: run.incident.id)
        let event = try #require(entries.first { $0.evidence["reason"] == "UpstreamAuthFailed" })
        #expect(!event.redactions.isEmpty, "the journal removed it at write")
        let output = try await COEOutput(run, redaction: ExportRedaction(kinds: [.ips, .emails]))
        let files = try output.write(.md) + output.write(.json) + output.write(.html)
        #expect(files.count >= 4)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains(ScriptedIncident.plantedToken), "\(file)")
            #expect(text.contains("UpstreamAuthFailed") || file.hasSuffix(".svg"), "\(file)")
        }
    }
}

/// What a chart plots of a sample.
enum ChartValue {
    static func has(_ metric: Chart.Metric, _ sample: MetricSample) -> Bool {
        switch metric {
        case .memory: sample.workingSetBytes != nil
        case .restarts: sample.restarts != nil
        case .throttling: sample.throttlingRatio != nil
        }
    }
}

extension COEOutput {
    /// `Deployment kube-system/coredns` from `Deployment/kube-system/coredns`.
    static func readable(_ key: String) -> String {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return key }
        return parts[1].isEmpty ? "\(parts[0]) \(parts[2])" : "\(parts[0]) \(parts[1])/\(parts[2])"
    }
}

/// Counts of a parsed SVG's elements (Foundation's `XMLParser`: the file must be well-formed XML).
final class SVGCounts: NSObject, XMLParserDelegate {
    private(set) var samples = 0
    private(set) var milestones = 0
    private(set) var root: String?

    init(path: String) throws {
        super.init()
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        parser.delegate = self
        guard parser.parse() else {
            throw ScriptFailure(message: "\(path) is not XML: \(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
        #expect(root == "svg")
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        if name == "circle" && attributes["class"] == "sample" { samples += 1 }
        if name == "line" && attributes["class"] == "milestone" { milestones += 1 }
    }
}
