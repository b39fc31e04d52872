import Foundation

/// Checks of a parsed runbook that need more than its shape: template variables, value types, caps.
public enum RunbookValidator {
    /// Every problem found, in file order.
    public static func problems(in runbook: Runbook) -> [RunbookProblem] {
        var problems: [RunbookProblem] = []
        let parameterNames = runbook.parameters.map(\.name)
        let selectionNames = SelectionVariable.allCases.map(\.rawValue)
        for parameter in runbook.parameters {
            problems += check(parameter, variables: selectionNames)
        }
        let variables = selectionNames + parameterNames
        for step in runbook.steps {
            for template in step.fields.values.flatMap(\.templates) {
                problems += check(template, variables: variables)
            }
            if let node = step.fields["type"]?.template, !PatchBodyType.names.contains(node.raw) {
                problems.append(
                    RunbookProblem(
                        node.location,
                        "unknown patch type '\(node.raw)'" + NearestName.hint(node.raw, among: PatchBodyType.names)))
            }
            let unfit = runbook.targets.filter { !step.kind.applicableTargets.contains($0) }
            if !unfit.isEmpty {
                problems.append(
                    RunbookProblem(
                        step.location,
                        "step '\(step.name)' (\(step.kind.rawValue)) cannot act on "
                            + unfit.map(\.rawValue).joined(separator: ", ") + " targets"))
            }
        }
        for precondition in runbook.preconditions {
            for template in precondition.fields.values.flatMap(\.templates) {
                problems += check(template, variables: variables)
            }
            if precondition.kind == .hasLimit, let resource = precondition.fields["resource"]?.template,
                !["memory", "cpu"].contains(resource.raw)
            {
                problems.append(RunbookProblem(resource.location, "resource must be memory or cpu"))
            }
        }
        for template in runbook.verification.fields.values.flatMap(\.templates) {
            problems += check(template, variables: variables)
        }
        return problems.sorted(by: RunbookParser.fileOrder)
    }

    /// Syntax and variable names of one template.
    static func check(_ template: TemplateText, variables: [String]) -> [RunbookProblem] {
        if let problem = template.syntaxError { return [RunbookProblem(template.location, problem)] }
        return template.expressions.compactMap { expression in
            guard !variables.contains(expression.variable) else { return nil }
            return RunbookProblem(
                template.location,
                "unknown template variable '\(expression.variable)'"
                    + NearestName.hint(expression.variable, among: variables))
        }
    }

    private static func check(_ parameter: ParameterSpec, variables: [String]) -> [RunbookProblem] {
        var problems: [RunbookProblem] = []
        let templates = [parameter.defaultValue].compactMap { $0 } + parameter.minimum + parameter.maximum
        for template in templates {
            let found = check(template, variables: variables)
            problems += found
            guard found.isEmpty else { continue }
            problems += checkType(template, of: parameter)
        }
        if !parameter.allowed.isEmpty, parameter.type != .string {
            problems.append(RunbookProblem(parameter.location, "'allowed' applies to string parameters only"))
        }
        if let value = parameter.defaultValue, value.expressions.isEmpty, !parameter.allowed.isEmpty,
            !parameter.allowed.contains(value.raw)
        {
            problems.append(
                RunbookProblem(
                    value.location,
                    "default '\(value.raw)' of '\(parameter.name)' is not one of "
                        + parameter.allowed.joined(separator: ", ")))
        }
        guard let value = parameter.defaultValue, problems.isEmpty else { return problems }
        for cap in parameter.maximum where Bound.compare(cap, value, type: parameter.type) == .orderedAscending {
            problems.append(
                RunbookProblem(
                    cap.location, "cap '\(cap.raw)' of '\(parameter.name)' is below its default '\(value.raw)'"))
        }
        for minimum in parameter.minimum where Bound.compare(minimum, value, type: parameter.type) == .orderedDescending
        {
            problems.append(
                RunbookProblem(
                    minimum.location,
                    "minimum '\(minimum.raw)' of '\(parameter.name)' is above its default '\(value.raw)'"))
        }
        return problems
    }

    /// A literal must parse as the parameter's type; a lone expression must have a compatible type.
    private static func checkType(_ template: TemplateText, of parameter: ParameterSpec) -> [RunbookProblem] {
        if template.expressions.isEmpty {
            guard ParameterValue(parsing: template.raw, as: parameter.type) != nil else {
                return [
                    RunbookProblem(
                        template.location,
                        "'\(template.raw)' is not a \(parameter.type.rawValue) value (parameter '\(parameter.name)')")
                ]
            }
            return []
        }
        guard let expression = template.soleExpression, let variable = SelectionVariable(rawValue: expression.variable)
        else { return [] }
        let compatible: Set<ParameterType> =
            switch parameter.type {
            case .string: Set(ParameterType.allCases)
            case .container: [.container, .string]
            default: [parameter.type]
            }
        guard compatible.contains(variable.type) else {
            return [
                RunbookProblem(
                    template.location,
                    "'\(template.raw)' is a \(variable.type.rawValue) value, but '\(parameter.name)' is "
                        + parameter.type.rawValue)
            ]
        }
        if expression.factor != nil, [.string, .container, .boolean].contains(variable.type) {
            return [RunbookProblem(template.location, "'\(expression.variable)' cannot be multiplied")]
        }
        return []
    }
}

/// Comparing two bounds without a selection: both literal, or both the same variable times a factor.
enum Bound {
    static func compare(_ a: TemplateText, _ b: TemplateText, type: ParameterType) -> ComparisonResult? {
        if a.expressions.isEmpty, b.expressions.isEmpty,
            let x = ParameterValue(parsing: a.raw, as: type)?.magnitude,
            let y = ParameterValue(parsing: b.raw, as: type)?.magnitude
        {
            return x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame
        }
        guard let x = a.soleExpression, let y = b.soleExpression, x.variable == y.variable else { return nil }
        let (fx, fy) = (x.factor ?? .one, y.factor ?? .one)
        return fx < fy ? .orderedAscending : fy < fx ? .orderedDescending : .orderedSame
    }
}

/// The patch types a `patch` step may use.
public enum PatchBodyType: String, Sendable, CaseIterable {
    case merge
    case strategic
    case json

    static let names = allCases.map(\.rawValue)
}
