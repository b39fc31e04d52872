/// The values templates resolve against when a plan is made: selection variables and resolved parameters.
public struct TemplateScope: Sendable, Hashable {
    public var values: [String: ParameterValue]
    /// Variables that exist but have no value for this target, with the reason (e.g. no memory limit is set).
    public var missing: [String: String]

    public init(values: [String: ParameterValue] = [:], missing: [String: String] = [:]) {
        self.values = values
        self.missing = missing
    }

    /// The value of `template`: typed when it is one `{{…}}` (and then parsed as `type` when it is text), else the
    /// text with every expression written out, parsed as `type` when one is given.
    public func evaluate(_ template: TemplateText, as type: ParameterType? = nil) throws(RunbooksError)
        -> ParameterValue
    {
        if let problem = template.syntaxError { throw .invalidTemplate(template.raw, problem: problem) }
        if let expression = template.soleExpression {
            let value = try evaluate(expression)
            guard let type, case .string(let text) = value, type != .string, type != .container else { return value }
            guard let parsed = ParameterValue(parsing: text, as: type) else {
                throw .invalidValue(template.raw, type: type, problem: "'\(text)' is not a \(type.rawValue) value")
            }
            return parsed
        }
        var text = ""
        for segment in template.segments {
            switch segment {
            case .literal(let literal): text += literal
            case .expression(let expression): text += try evaluate(expression).description
            }
        }
        guard let type else { return .string(text) }
        guard let value = ParameterValue(parsing: text, as: type) else {
            throw .invalidValue(template.raw, type: type, problem: "'\(text)' is not a \(type.rawValue) value")
        }
        return value
    }

    func evaluate(_ expression: TemplateExpression) throws(RunbooksError) -> ParameterValue {
        guard let value = values[expression.variable] else {
            if let reason = missing[expression.variable] { throw .unavailableVariable(expression.variable, reason) }
            throw .unknownVariable(expression.variable)
        }
        guard let factor = expression.factor else { return value }
        guard let scaled = value.scaled(by: factor) else {
            throw .invalidTemplate(
                expression.description, problem: "'\(expression.variable)' is \(value.type.rawValue), not a number")
        }
        return scaled
    }
}
