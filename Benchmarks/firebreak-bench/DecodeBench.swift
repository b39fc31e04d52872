import ArgumentParser
import ClusterModel
import ClusterSim
import Foundation

/// Decoding list pages into projections on one core, beside Foundation's `JSONSerialization` parsing the same bytes.
struct DecodeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "Decode pod list pages on one core, beside JSONSerialization.")

    @Option var nodes = 500
    @Option var pods = 15_000
    @Option(help: "Times every page is decoded; the median pass is reported.") var passes = 5
    @Option(help: "Passes of the JSONSerialization peer.") var peerPasses = 3

    func run() async throws {
        print(
            "# Decode benchmark: \(pods) pods of the scale scenario, pages of 500 fetched once over HTTPS, then decoded on one core"
        )
        let served = try await ServedCluster.serve(try ServedCluster.scale(nodes: nodes, pods: pods))
        let client = try KubeClient(endpoint: try served.endpoint())
        var pages: [Data] = []
        _ = try await ListPages.fetch(client, .pods) { pages.append($0) }
        try await client.shutdown()
        await served.stop()

        let bytes = pages.reduce(0) { $0 + $1.count }
        print("\(pages.count) pages, \(Measure.mib(bytes)) of JSON, \(bytes / max(1, pods)) bytes per pod")
        var decoded = 0
        let projection = try Measure.median(
            (0..<passes).map { _ in
                try Measure.secondsSync {
                    decoded = 0
                    for page in pages {
                        decoded += try ResourceDecoding.decodeList(PodSummary.self, from: page, resource: .pods).items
                            .count
                    }
                }
            })
        let generic = try Measure.median(
            (0..<max(1, peerPasses)).map { _ in
                try Measure.secondsSync {
                    for page in pages { _ = try JSONSerialization.jsonObject(with: page) }
                }
            })
        let perPod = projection / Double(max(1, decoded)) * 1e6
        print(
            "PodSummary projection: \(Measure.fixed(projection * 1000, 1)) ms for \(decoded) pods = \(Measure.fixed(perPod)) µs a pod, "
                + "\(Measure.fixed(Double(bytes) / projection / 1_048_576, 0)) MiB/s")
        print(
            "JSONSerialization (every field, Foundation objects): \(Measure.fixed(generic * 1000, 1)) ms = \(Measure.fixed(Double(bytes) / generic / 1_048_576, 0)) MiB/s "
                + "→ the projection is \(Measure.fixed(generic / projection, 1))× faster")
    }
}

extension Measure {
    static func secondsSync(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        return since(start)
    }
}
