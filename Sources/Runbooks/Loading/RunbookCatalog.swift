import Foundation

/// The runbooks available: the built-in files, overridden by id by the user's own, with every problem found.
public struct RunbookCatalog: Sendable {
    /// The runbooks that won, sorted by id.
    public private(set) var runbooks: [Runbook] = []
    /// For each id whose file overrides another: the files it overrode.
    public private(set) var overridden: [String: [String]] = [:]
    /// Problems within files (and ids used twice in one folder).
    public private(set) var fileProblems: [RunbookProblem] = []

    /// Problems in any file, then across files (a key used twice, an unknown `otherwise`).
    public var problems: [RunbookProblem] { fileProblems + problemsAcrossFiles() }

    public init() {}

    /// Loads `directories` in order; a later directory's runbook replaces an earlier one with the same id.
    /// Missing directories are skipped.
    public static func load(directories: [String]) -> RunbookCatalog {
        var catalog = RunbookCatalog()
        for directory in directories {
            for path in RunbookFiles.yamlFiles(in: directory) { catalog.add(RunbookFiles.load(path)) }
        }
        return catalog
    }

    /// Adds one file's result: its problems, and its runbook (replacing one with the same id).
    public mutating func add(_ loaded: (runbook: Runbook?, problems: [RunbookProblem])) {
        fileProblems += loaded.problems
        guard let runbook = loaded.runbook else { return }
        if let index = runbooks.firstIndex(where: { $0.id == runbook.id }) {
            let previous = runbooks[index]
            if (previous.source as NSString).deletingLastPathComponent
                == (runbook.source as NSString).deletingLastPathComponent
            {
                fileProblems.append(
                    RunbookProblem(
                        SourceLocation(file: runbook.source),
                        "id '\(runbook.id)' is also used by \(previous.source) in the same folder"))
            }
            overridden[runbook.id, default: []].append(previous.source)
            runbooks[index] = runbook
        } else {
            runbooks.append(runbook)
            runbooks.sort { $0.id < $1.id }
        }
    }

    private func problemsAcrossFiles() -> [RunbookProblem] {
        var problems: [RunbookProblem] = []
        let ids = runbooks.map(\.id)
        var keys: [String: String] = [:]
        for runbook in runbooks {
            if let key = runbook.key {
                if let other = keys[key] {
                    problems.append(
                        RunbookProblem(
                            SourceLocation(file: runbook.source), "key '\(key)' is also the key of runbook '\(other)'"))
                } else {
                    keys[key] = runbook.id
                }
            }
            for precondition in runbook.preconditions {
                if let other = precondition.otherwise, !ids.contains(other) {
                    problems.append(
                        RunbookProblem(
                            precondition.location,
                            "otherwise: unknown runbook '\(other)'" + NearestName.hint(other, among: ids)))
                }
            }
        }
        return problems
    }

    /// The runbook with this id.
    public func runbook(_ id: String) throws(RunbooksError) -> Runbook {
        guard let runbook = runbooks.first(where: { $0.id == id }) else {
            throw .unknownRunbook(id, suggestion: NearestName.suggest(id, among: runbooks.map(\.id)))
        }
        return runbook
    }

    /// The runbook bound to a console key.
    public func runbook(forKey key: String) -> Runbook? { runbooks.first { $0.key == key } }
}

/// Reading runbook files from disk.
public enum RunbookFiles {
    /// Reads, parses and validates one file.
    public static func load(_ path: String) -> (runbook: Runbook?, problems: [RunbookProblem]) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return (nil, [RunbookProblem(SourceLocation(file: path), "cannot read: \(error.localizedDescription)")])
        }
        let (runbook, problems) = RunbookParser.parse(text, path: path)
        guard let runbook else { return (nil, problems) }
        let semantic = RunbookValidator.problems(in: runbook)
        let all = (problems + semantic).sorted(by: RunbookParser.fileOrder)
        return (all.isEmpty ? runbook : nil, all)
    }

    /// The `.yaml` and `.yml` files of a folder, sorted; none when it does not exist.
    public static func yamlFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }
}
