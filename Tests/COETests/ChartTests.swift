import COE
import ClusterModel
import Foundation
import Testing
import Timeline

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("COE charts and sparklines")
struct ChartTests {
    static func sample(_ pod: String, minute: Double, workingSet: Int64, restarts: Int, throttling: Double?)
        -> MetricSample
    {
        MetricSample(
            subject: ObservationSubject(kind: "Pod", namespace: "kube-system", name: pod, container: "coredns"),
            workload: "Deployment/kube-system/coredns", clusterTime: JournalBuilder.at(minute),
            workingSetBytes: workingSet << 20, memoryLimitBytes: 170 << 20, restarts: restarts,
            throttlingRatio: throttling)
    }

    func journal() -> JournalBuilder {
        var journal = JournalBuilder()
        journal.samples = [
            Self.sample("coredns-a", minute: 1, workingSet: 100, restarts: 0, throttling: 0.1),
            Self.sample("coredns-b", minute: 1, workingSet: 90, restarts: 0, throttling: nil),
            Self.sample("coredns-a", minute: 2, workingSet: 169, restarts: 1, throttling: 0.4),
            Self.sample("coredns-b", minute: 2, workingSet: 150, restarts: 0, throttling: nil),
            Self.sample("coredns-a", minute: 3, workingSet: 60, restarts: 2, throttling: 0.2),
        ]
        journal.milestone(.impactStarted, at: 1)
        journal.milestone(.detected, at: 2)
        journal.milestone(.mitigated, at: 3)
        return journal
    }

    /// A chart per metric of the workload, a series per container, a point per sample that has the value.
    @Test func eachMetricIsAChartWithAPointPerSample() {
        let charts = COEBuilder.build(journal().input()).charts
        #expect(charts.map(\.id) == ["coredns-memory", "coredns-restarts", "coredns-throttling"])
        #expect(charts.map(\.pointCount) == [5, 5, 3])
        #expect(charts.allSatisfy { $0.markers.map(\.milestone) == [.impactStarted, .detected, .mitigated] })
        #expect(charts.first?.series.map(\.name) == ["coredns-a/coredns", "coredns-b/coredns"])
        #expect(charts.first?.series.first?.limit.count == 3)
    }

    @Test(arguments: [0, 1, 2])
    func theSVGIsXMLWithEveryPointAndMarker(_ index: Int) throws {
        let chart = COEBuilder.build(journal().input()).charts[index]
        let parser = XMLParser(data: Data(SVGChart.render(chart).utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.count("circle", class: "sample") == chart.pointCount)
        #expect(counter.count("line", class: "milestone") == 3)
        #expect(counter.count("polyline", class: "limit") == (chart.metric == .memory ? 2 : 0))
    }

    @Test func theMarkdownLinksEachChartAndDrawsASparklinePerSeries() {
        let markdown = MarkdownRenderer.render(COEBuilder.build(journal().input())) { "coe-\($0.id).svg" }
        #expect(
            markdown.contains("![Deployment kube-system/coredns: memory working set vs limit](coe-coredns-memory.svg)"))
        #expect(markdown.contains("- `coredns-a/coredns ▅█▃ 100Mi → 60Mi (max 169Mi, limit 170Mi, 3 samples)`"))
        #expect(markdown.contains("- `coredns-a/coredns ▂▄▂ 10% → 20% (max 40%, 3 samples)`"))
    }
}

/// Counts elements by name and `class`.
final class ElementCounter: NSObject, XMLParserDelegate {
    private var counts: [String: Int] = [:]

    func count(_ name: String, class className: String) -> Int { counts["\(name).\(className)"] ?? 0 }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        counts["\(name).\(attributes["class"] ?? "")", default: 0] += 1
    }
}
