import ArgumentParser

/// `swift run -c release firebreak-bench …`: measurements recorded in BENCHMARKS.md, each beside a peer run in the same process.
@main
struct FirebreakBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firebreak-bench",
        abstract: "Benchmarks for Firebreak (run with -c release).",
        subcommands: [
            SimBench.self, RealtimeBench.self, SyncBench.self, DecodeBench.self, RenderBench.self, JournalBench.self,
            RunbookBench.self, LogBench.self, COEBench.self, DrainBench.self,
        ]
    )
}
