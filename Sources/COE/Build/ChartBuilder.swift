import ClusterModel
import Foundation
import Timeline

/// Charts from the samples the journal kept: for each workload (or bare pod), memory working set against its limit,
/// restarts and throttling ratio, a series per container, a point per sample, a marker per milestone.
enum ChartBuilder {
    static func charts(_ facts: IncidentFacts) -> [Chart] {
        let markers = facts.milestones.sorted { $0.key < $1.key }.map {
            Chart.Marker(milestone: $0.key, time: $0.value.at)
        }
        let groups = Dictionary(grouping: facts.input.samples) { $0.workload ?? ImpactFacts.subjectKey($0.subject) }
        var charts: [Chart] = []
        var stems: Set<String> = []
        for key in groups.keys.sorted() {
            let samples = groups[key] ?? []
            var stem = slug(key.split(separator: "/").last.map(String.init) ?? key)
            while !stems.insert(stem).inserted { stem += "-" + slug(key) }
            let byContainer = Dictionary(grouping: samples) { sample in
                sample.subject.container.map { "\(sample.subject.name)/\($0)" } ?? sample.subject.name
            }
            let names = byContainer.keys.sorted()
            for metric in Chart.Metric.allCases {
                let series = names.map { name -> Chart.Series in
                    let points = (byContainer[name] ?? []).sorted { $0.clusterTime < $1.clusterTime }
                    return Chart.Series(
                        name: name,
                        points: points.compactMap { sample in
                            value(metric, sample).map { Chart.Point(time: sample.clusterTime, value: $0) }
                        },
                        limit: metric == .memory
                            ? points.compactMap { sample in
                                sample.memoryLimitBytes.map { Chart.Point(time: sample.clusterTime, value: Double($0)) }
                            } : [])
                }
                guard series.contains(where: { !$0.points.isEmpty }) else { continue }
                charts.append(
                    Chart(
                        id: "\(stem)-\(metric.rawValue)", workload: IncidentFacts.readable(key), metric: metric,
                        series: series, markers: markers))
            }
        }
        return charts
    }

    static func value(_ metric: Chart.Metric, _ sample: MetricSample) -> Double? {
        switch metric {
        case .memory: sample.workingSetBytes.map(Double.init)
        case .restarts: sample.restarts.map(Double.init)
        case .throttling: sample.throttlingRatio
        }
    }

    /// Lowercase letters, digits and dashes.
    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
