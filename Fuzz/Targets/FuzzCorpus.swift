import Foundation

/// The committed inputs under `Fuzz/Corpus/<target>/`: the seeds taken from `../shared/fixtures` plus what fuzzing
/// found worth keeping (new coverage, former crashes).
public enum FuzzCorpus {
    /// `Fuzz/Corpus` in the source tree.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

    public static func directory(for target: FuzzTarget) -> URL {
        root.appendingPathComponent(target.rawValue)
    }

    /// Every file named in `paths`, with folders replaced by the files they hold; sorted by path.
    public static func files(in paths: [URL]) throws -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path.path])
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: path.path)
            files += names.filter { !$0.hasPrefix(".") }.map { path.appendingPathComponent($0) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
