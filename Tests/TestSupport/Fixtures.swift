import Foundation

/// Responses captured from a real kube-apiserver v1.36, in `../shared/fixtures` beside the repository (override with
/// `FIREBREAK_FIXTURES`).
public enum Fixtures {
    public static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment["FIREBREAK_FIXTURES"] { return URL(fileURLWithPath: path) }
        return RepositoryPaths.root.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    }()

    public static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    public static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    public static func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }
}

/// Folders of the repository, found from this file's place in it.
public enum RepositoryPaths {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
