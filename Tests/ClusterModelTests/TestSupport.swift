import Foundation
import TestSupport

@testable import ClusterModel

/// A fixed instant for deterministic tests: 2026-11-21T10:10:00Z.
let referenceNow = KubeTime.parse("2026-11-21T10:10:00Z") ?? Date(timeIntervalSince1970: 0)

func date(_ text: String) -> Date { KubeTime.parse(text) ?? .distantPast }
