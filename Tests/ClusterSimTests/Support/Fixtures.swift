import Foundation
import TestSupport

@testable import ClusterSim

/// Fixtures read as the simulator's own JSON values, and shape comparisons.
extension Fixtures {
    static func json(_ name: String) throws -> JSONValue { try JSONValue(parsing: data(name)) }

    /// Every key path in a JSON value (`spec.containers[].name`), for comparing shapes.
    static func keyPaths(_ value: JSONValue, prefix: String = "") -> Set<String> {
        var paths = Set<String>()
        switch value {
        case .object(let members):
            for (key, child) in members {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                paths.insert(path)
                paths.formUnion(keyPaths(child, prefix: path))
            }
        case .array(let elements):
            for element in elements { paths.formUnion(keyPaths(element, prefix: prefix + "[]")) }
        default: break
        }
        return paths
    }

    /// Paths of `fixture` that `actual` lacks, ignoring those under any of `ignoring`.
    static func missingPaths(_ fixture: JSONValue, in actual: [JSONValue], ignoring: [String]) -> [String] {
        let have = actual.reduce(into: Set<String>()) { $0.formUnion(keyPaths($1)) }
        return keyPaths(fixture).filter { path in !have.contains(path) && !ignoring.contains { path.hasPrefix($0) } }
            .sorted()
    }
}
