import Yams

/// The `params`, `preconditions`, `steps`, `verify` and `rollback` sections.
extension NodeReader {
    mutating func parameterList(_ node: Node) -> [ParameterSpec] {
        guard let mapping = node.mapping else {
            problem(node, "'params' must map each parameter name to its type, default and caps")
            return []
        }
        var parameters: [ParameterSpec] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            if SelectionVariable(rawValue: name) != nil, name != "container" {
                problem(key, "parameter '\(name)' hides the selection variable of the same name")
            }
            guard
                let fields = value.mapping.map({
                    knownFields($0, known: RunbookParser.parameterFields, context: "parameter '\(name)'")
                })
            else {
                problem(value, "parameter '\(name)' must be a mapping with at least a 'type'")
                continue
            }
            guard let typeNode = fields["type"]?.value else {
                problem(
                    key,
                    "parameter '\(name)' has no type (one of \(ParameterType.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
                continue
            }
            guard let type = enumValue(ParameterType.self, typeNode, what: "parameter type") else { continue }
            var spec = ParameterSpec(name: name, type: type, location: location(of: key))
            spec.description = fields["description"]?.value.string ?? ""
            spec.defaultValue = fields["default"].flatMap { template($0.value, what: "default of '\(name)'") }
            spec.minimum = fields["min"].map { bounds($0.value, what: "min of '\(name)'") } ?? []
            spec.maximum = fields["max"].map { bounds($0.value, what: "max of '\(name)'") } ?? []
            if let allowed = fields["allowed"]?.value {
                spec.allowed = (allowed.sequence.map(Array.init) ?? [allowed]).compactMap(\.string)
            }
            parameters.append(spec)
        }
        return parameters
    }

    private mutating func bounds(_ node: Node, what: String) -> [TemplateText] {
        (node.sequence.map(Array.init) ?? [node]).compactMap { template($0, what: what) }
    }

    mutating func preconditionList(_ node: Node) -> [PreconditionSpec] {
        guard let sequence = node.sequence else {
            problem(node, "'preconditions' must be a list")
            return []
        }
        return sequence.compactMap { item -> PreconditionSpec? in
            guard let mapping = item.mapping else {
                problem(item, "a precondition is a mapping with a 'kind'")
                return nil
            }
            guard
                let read: KindFields<PreconditionKind> = kindFields(
                    item, mapping, common: ["kind", "otherwise"], missing: "precondition without a 'kind'",
                    context: { "precondition '\($0.rawValue)'" })
            else { return nil }
            return PreconditionSpec(
                kind: read.kind, fields: read.values, otherwise: read.fields["otherwise"]?.value.string,
                location: location(of: item))
        }
    }

    mutating func stepList(_ node: Node) -> [StepSpec] {
        guard let sequence = node.sequence else {
            problem(node, "'steps' must be a list")
            return []
        }
        var steps: [StepSpec] = []
        for (index, item) in sequence.enumerated() {
            guard let mapping = item.mapping else {
                problem(item, "a step is a mapping with a 'kind'")
                continue
            }
            let given = mapping["name"]?.string
            guard
                let read: KindFields<StepKind> = kindFields(
                    item, mapping, common: RunbookParser.stepCommonFields, missing: "step \(index + 1) has no 'kind'",
                    context: { "step '\(given ?? $0.rawValue)' (\($0.rawValue))" })
            else { continue }
            let (kind, fields, name) = (read.kind, read.fields, given ?? read.kind.rawValue)
            var step = StepSpec(name: name, kind: kind, fields: read.values, location: location(of: item))
            for required in kind.requiredFields where fields[required] == nil {
                problem(item, "step '\(name)' (\(kind.rawValue)) needs '\(required)'")
            }
            if let node = fields["timeout"]?.value, let seconds = duration(node, what: "timeout") {
                step.timeout = seconds
            }
            if let node = fields["retries"]?.value {
                if let retries = node.int, retries >= 0, retries <= 10 {
                    step.retries = retries
                } else {
                    problem(node, "retries must be a whole number from 0 to 10")
                }
            }
            if let node = fields["on_failure"]?.value,
                let route = enumValue(FailureRoute.self, node, what: "on_failure")
            {
                step.onFailure = route
            }
            steps.append(step)
        }
        return steps
    }

    mutating func verifySpec(_ node: Node) -> VerifySpec? {
        guard let mapping = node.mapping else {
            problem(node, "'verify' is a mapping with a 'kind' and a 'timeout'")
            return nil
        }
        guard
            let read: KindFields<VerifyKind> = kindFields(
                node, mapping, common: ["kind", "timeout"], missing: "'verify' has no 'kind'",
                context: { "verify (\($0.rawValue))" })
        else { return nil }
        var spec = VerifySpec(kind: read.kind, fields: read.values, location: location(of: node))
        if let node = read.fields["timeout"]?.value, let seconds = duration(node, what: "timeout") {
            spec.timeout = seconds
        }
        return spec
    }

    mutating func rollbackSpec(_ node: Node) -> RollbackSpec? {
        let kindNode: Node
        if let mapping = node.mapping {
            _ = knownFields(mapping, known: ["kind"], context: "rollback")
            guard let value = mapping["kind"] else {
                problem(node, "'rollback' has no 'kind'")
                return nil
            }
            kindNode = value
        } else {
            kindNode = node
        }
        guard let kind = enumValue(RollbackKind.self, kindNode, what: "rollback kind") else { return nil }
        return RollbackSpec(kind: kind, location: location(of: node))
    }
}
