import ClusterModel
import Foundation
import Yams

/// Reads runbook YAML into a `Runbook`, collecting every problem with its file, line and column.
public enum RunbookParser {
    /// The runbook (nil when a required part is missing or unreadable) and every problem found, in file order.
    public static func parse(_ yaml: String, path: String) -> (runbook: Runbook?, problems: [RunbookProblem]) {
        var reader = NodeReader(path: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return (nil, [reader.yamlProblem(error)])
        } catch {
            return (nil, [RunbookProblem(SourceLocation(file: path), "invalid YAML: \(error)")])
        }
        guard let root, let mapping = root.mapping else {
            return (nil, [RunbookProblem(reader.location(of: root), "a runbook is a mapping (id, title, risk, …)")])
        }
        let runbook = reader.runbook(mapping, root: root)
        return (runbook, reader.problems.sorted(by: Self.fileOrder))
    }

    static func fileOrder(_ a: RunbookProblem, _ b: RunbookProblem) -> Bool {
        (a.location.line, a.location.column) < (b.location.line, b.location.column)
    }

    /// The top-level fields of a runbook file.
    static let topLevelFields = [
        "id", "title", "description", "risk", "targets", "key", "params", "preconditions", "steps", "verify",
        "rollback",
    ]
    static let parameterFields = ["type", "default", "min", "max", "allowed", "description"]
    static let stepCommonFields = ["name", "kind", "timeout", "retries", "on_failure"]
}

/// Walks the composed YAML nodes, keeping problems as it goes.
struct NodeReader {
    let path: String
    var problems: [RunbookProblem] = []

    init(path: String) {
        self.path = path
    }

    func location(of node: Node?) -> SourceLocation {
        SourceLocation(file: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    mutating func problem(_ node: Node?, _ message: String) {
        problems.append(RunbookProblem(location(of: node), message))
    }

    func yamlProblem(_ error: YamlError) -> RunbookProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return RunbookProblem(
                SourceLocation(file: path, line: mark.line, column: mark.column), "invalid YAML: \(problem)")
        default:
            return RunbookProblem(SourceLocation(file: path), "invalid YAML: \(error)")
        }
    }

    mutating func runbook(_ mapping: Node.Mapping, root: Node) -> Runbook? {
        var fields: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard RunbookParser.topLevelFields.contains(name) else {
                problem(key, "unknown field '\(name)'" + NearestName.hint(name, among: RunbookParser.topLevelFields))
                continue
            }
            if fields[name] != nil { problem(key, "'\(name)' is given twice") }
            fields[name] = (key, value)
        }
        let id = requiredText("id", fields, root: root)
        if let id, let node = fields["id"]?.value, !Self.isIdentifier(id) {
            problem(node, "id '\(id)' must be lower-case letters, digits and dashes")
        }
        let title = requiredText("title", fields, root: root)
        let risk = fields["risk"].map { enumValue(RunbookRisk.self, $0.value, what: "risk") } ?? nil
        if fields["risk"] == nil { problem(root, "missing 'risk' (one of read-only, reversible, disruptive)") }
        let targets = fields["targets"].map { targetKinds($0.value) } ?? []
        if fields["targets"] == nil { problem(root, "missing 'targets' (pod, container, deployment, …)") }
        let key = fields["key"].flatMap { consoleKey($0.value) }
        let parameters = fields["params"].map { parameterList($0.value) } ?? []
        let preconditions = fields["preconditions"].map { preconditionList($0.value) } ?? []
        var steps: [StepSpec] = []
        if let node = fields["steps"]?.value {
            steps = stepList(node)
            if node.sequence?.isEmpty == true { problem(node, "'steps' is empty") }
        } else {
            problem(root, "missing 'steps'")
        }
        let verification = fields["verify"].flatMap { verifySpec($0.value) } ?? VerifySpec(kind: .none)
        let rollback = fields["rollback"].flatMap { rollbackSpec($0.value) } ?? RollbackSpec(kind: .none)
        guard let id, let title, let risk else { return nil }
        return Runbook(
            id: id, title: title, description: fields["description"]?.value.string ?? "", risk: risk,
            targets: targets, key: key, parameters: parameters, preconditions: preconditions, steps: steps,
            verification: verification, rollback: rollback, source: path)
    }

    private mutating func requiredText(
        _ name: String, _ fields: [String: (key: Node, value: Node)], root: Node
    ) -> String? {
        guard let node = fields[name]?.value else {
            problem(root, "missing '\(name)'")
            return nil
        }
        guard let text = node.scalar?.string, !text.isEmpty else {
            problem(node, "'\(name)' must be a non-empty text")
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ node: Node, what: String) -> E?
    where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        guard let text = node.scalar?.string else {
            problem(node, "\(what) must be one of \(names.joined(separator: ", "))")
            return nil
        }
        guard let value = E(rawValue: text) else {
            problem(node, "unknown \(what) '\(text)'" + NearestName.hint(text, among: names))
            return nil
        }
        return value
    }

    private mutating func targetKinds(_ node: Node) -> [TargetKind] {
        let items = node.sequence.map(Array.init) ?? [node]
        var kinds: [TargetKind] = []
        for item in items {
            if item.scalar?.string == "workload" {
                kinds += TargetKind.workloads
            } else if let kind = enumValueOrWorkload(item) {
                kinds.append(kind)
            }
        }
        if kinds.isEmpty, node.sequence?.isEmpty == true { problem(node, "'targets' is empty") }
        return kinds
    }

    private mutating func enumValueOrWorkload(_ node: Node) -> TargetKind? {
        let names = TargetKind.allCases.map(\.rawValue) + ["workload"]
        guard let text = node.scalar?.string else {
            problem(node, "a target is one of \(names.joined(separator: ", "))")
            return nil
        }
        guard let kind = TargetKind(rawValue: text) else {
            problem(node, "unknown target kind '\(text)'" + NearestName.hint(text, among: names))
            return nil
        }
        return kind
    }

    private mutating func consoleKey(_ node: Node) -> String? {
        guard let text = node.scalar?.string, text.count == 1, let character = text.first,
            character.isASCII, !character.isWhitespace
        else {
            problem(node, "'key' must be one printable character")
            return nil
        }
        return text
    }

    // MARK: Field values

    /// A field value: plain numbers, booleans and nulls stay typed; other scalars are templates.
    func fieldValue(_ node: Node) -> FieldValue {
        if let sequence = node.sequence { return .list(sequence.map { fieldValue($0) }) }
        if let mapping = node.mapping {
            var members: [String: FieldValue] = [:]
            for (key, value) in mapping { members[key.string ?? ""] = fieldValue(value) }
            return .mapping(members)
        }
        guard let scalar = node.scalar else { return .literal(.null) }
        if scalar.style == .plain, !scalar.string.contains("{{") {
            if node.null != nil { return .literal(.null) }
            if let flag = node.bool { return .literal(.bool(flag)) }
            if let number = node.int { return .literal(.int(Int64(number))) }
            if let number = node.float, scalar.string.contains(".") { return .literal(.double(number)) }
        }
        return .scalar(TemplateText(scalar.string, location: location(of: node)))
    }

    /// A scalar as a template (numbers and booleans as their text).
    mutating func template(_ node: Node, what: String) -> TemplateText? {
        guard let scalar = node.scalar else {
            problem(node, "\(what) must be a single value")
            return nil
        }
        return TemplateText(scalar.string, location: location(of: node))
    }

    mutating func duration(_ node: Node, what: String) -> Double? {
        guard let text = node.scalar?.string, let seconds = DurationText.seconds(text) else {
            problem(node, "\(what) must be a duration such as 30s, 5m or 1h30m")
            return nil
        }
        return seconds
    }

    /// Unknown keys of a mapping reported against `known`; returns the known ones.
    mutating func knownFields(
        _ mapping: Node.Mapping, known: [String], context: String
    ) -> [String: (key: Node, value: Node)] {
        var fields: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard known.contains(name) else {
                problem(key, "\(context): unknown field '\(name)'" + NearestName.hint(name, among: known))
                continue
            }
            fields[name] = (key, value)
        }
        return fields
    }
}
