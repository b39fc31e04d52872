import Foundation
import TestSupport

/// The TUI tests' folders in the repository.
extension RepositoryPaths {
    static var themes: String { root.appendingPathComponent("themes").path }
    static var snapshots: URL { root.appendingPathComponent("Tests/TUITests/Snapshots") }
}
