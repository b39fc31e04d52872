import ClusterModel
import Foundation

extension FuzzTarget {
    /// Properties of a Prometheus text body:
    /// - filter: parsing with a set of wanted names returns exactly the samples with those names;
    /// - round trip: a sample with a well-formed name and label names, written back as exposition text, reads back as
    ///   the same sample;
    /// - label values: the input itself, written as a label value (escaped), reads back unchanged;
    /// - cAdvisor: every container `CadvisorScrape` reports comes from a sample naming that container, pod and
    ///   namespace (pod-level and pause series excluded).
    func checkPrometheus(_ input: Data) throws(FuzzFailure) {
        let text = String(decoding: input, as: UTF8.self)
        let samples = PrometheusText.parse(text)

        let wanted = Set(samples.prefix(2).map(\.name) + ["container_cpu_cfs_periods_total"])
        let kept = PrometheusText.parse(text, keeping: wanted)
        let expected = samples.filter { wanted.contains($0.name) }
        try require(
            kept.count == expected.count && zip(kept, expected).allSatisfy(same), "filter",
            "keeping \(wanted.sorted()) read \(kept), filtering read \(expected)")

        for sample in samples
        where PrometheusExposition.isMetricName(sample.name)
            && sample.labels.keys.allSatisfy(PrometheusExposition.isLabelName)
        {
            let line = PrometheusExposition.line(for: sample)
            let again = PrometheusText.parse(line)
            try require(
                again.count == 1 && same(again[0], sample), "round trip",
                "\(sample) written as \(line.debugDescription) reads as \(again)")
        }

        let labelled = PrometheusSample(name: "m", labels: ["l": text], value: 1)
        let line = PrometheusExposition.line(for: labelled)
        let read = PrometheusText.parse(line)
        try require(
            read.count == 1 && same(read[0], labelled), "label values",
            "label value \(text.debugDescription) written as \(line.debugDescription) reads as \(read)")

        let scrape = CadvisorScrape.parse(text, node: "node", time: Date(timeIntervalSince1970: 0))
        for ref in scrape.containers.keys {
            let source = samples.contains {
                $0.labels["container"] == ref.container && $0.labels["pod"] == ref.pod
                    && $0.labels["namespace"] == ref.namespace
            }
            try require(
                source && !ref.container.isEmpty && ref.container != "POD", "cAdvisor",
                "reported \(ref), which no container sample names")
        }
    }

    /// Equal samples, counting two NaN values as equal.
    private func same(_ a: PrometheusSample, _ b: PrometheusSample) -> Bool {
        a.name == b.name && a.labels == b.labels && (a.value == b.value || (a.value.isNaN && b.value.isNaN))
    }
}
