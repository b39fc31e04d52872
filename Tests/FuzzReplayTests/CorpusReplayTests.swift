import Foundation
import FuzzTargets
import Testing

/// Every committed input of every fuzz target, run through the same function the libFuzzer executables call: a crash
/// that fuzzing found and that was fixed stays fixed, and the properties hold on the seeds from real servers.
@Suite("Fuzz corpus replay")
struct CorpusReplayTests {
    @Test(arguments: FuzzTarget.allCases)
    func everyCommittedInputKeepsItsTargetsProperties(target: FuzzTarget) throws {
        let files = try FuzzCorpus.files(in: [FuzzCorpus.directory(for: target)])
        #expect(!files.isEmpty)
        for file in files {
            do {
                try target.run(try Data(contentsOf: file))
            } catch {
                Issue.record("\(file.lastPathComponent): \(error)")
            }
        }
    }
}
