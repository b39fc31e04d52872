import Foundation

/// Folders of the repository, found from this file's path.
enum RepositoryPaths {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // TUITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static var themes: String { root.appendingPathComponent("themes").path }
    static var snapshots: URL { root.appendingPathComponent("Tests/TUITests/Snapshots") }
}
