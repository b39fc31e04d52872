import Foundation
import Runbooks
import TestSupport

@testable import TUI

/// The repository's built-in runbooks and the key map they give the console.
enum SampleRunbooks {
    static let catalog = RunbookCatalog.load(directories: [RepositoryPaths.root.appendingPathComponent("runbooks").path]
    )
    static let keymap = Keymap.defaults.addingRunbooks(catalog.runbooks).keymap

    static func runbook(_ id: String) -> Runbook {
        catalog.runbooks.first { $0.id == id } ?? Runbook(id: id, title: id, risk: .reversible, targets: [], steps: [])
    }
}
