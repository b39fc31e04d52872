import Foundation
import Yams

/// A parsed theme or key file: its top-level entries with their line numbers.
struct ConfigFile {
    /// One `key: value` entry of a mapping.
    struct Entry {
        var key: String
        var value: Node
        var line: Int
    }

    let path: String

    /// The top-level entries of `yaml`; an empty document has none.
    static func entries(of yaml: String, path: String) throws(TUIError) -> [Entry] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigFile.yamlError(error, path: path)
        } catch {
            throw .invalidConfig(file: path, line: 1, problem: .invalidYAML(String(describing: error)))
        }
        guard let root else { return [] }
        return try ConfigFile(path: path).entries(of: root, key: nil)
    }

    /// Reads a file as UTF-8 text.
    static func read(_ path: String) throws(TUIError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableFile(file: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// The entries of a mapping node, or an error naming `key` when it is not one.
    func entries(of node: Node, key: String?) throws(TUIError) -> [Entry] {
        guard let mapping = node.mapping else {
            throw failure(at: node, .expectedMapping(key: key))
        }
        return mapping.map { pair in
            Entry(key: pair.key.string ?? "", value: pair.value, line: ConfigFile.line(of: pair.key))
        }
    }

    /// The scalar strings of a node that is either one scalar or a sequence of scalars.
    func strings(of node: Node) -> [(text: String, line: Int)] {
        if let sequence = node.sequence {
            return sequence.map { ($0.string ?? "", ConfigFile.line(of: $0)) }
        }
        return [(node.string ?? "", ConfigFile.line(of: node))]
    }

    /// An error at the line of `node`.
    func failure(at node: Node, _ problem: ConfigProblem) -> TUIError {
        .invalidConfig(file: path, line: ConfigFile.line(of: node), problem: problem)
    }

    /// An error at `line`.
    func failure(line: Int, _ problem: ConfigProblem) -> TUIError {
        .invalidConfig(file: path, line: line, problem: problem)
    }

    static func line(of node: Node) -> Int {
        node.mark?.line ?? 1
    }

    private static func yamlError(_ error: YamlError, path: String) -> TUIError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .invalidConfig(file: path, line: mark.line, problem: .invalidYAML(problem))
        default:
            return .invalidConfig(file: path, line: 1, problem: .invalidYAML(String(describing: error)))
        }
    }
}
