/// A parameter's final value and where it came from.
public struct ResolvedParameter: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Source: Sendable, Hashable, Codable {
        /// The runbook's default (drawn from the selection).
        case defaultValue
        /// Given by the user.
        case set
        /// The default was above a cap and was lowered to it; the text says which cap.
        case capped(String)
    }

    public var name: String
    public var value: String
    public var type: String
    public var source: Source

    public init(name: String, value: String, type: String, source: Source) {
        self.name = name
        self.value = value
        self.type = type
        self.source = source
    }

    /// `limit = 255Mi`, `limit = 340Mi (capped: 2× memory_limit 170Mi)`.
    public var description: String {
        switch source {
        case .defaultValue: "\(name) = \(value)"
        case .set: "\(name) = \(value) (set)"
        case .capped(let cap): "\(name) = \(value) (capped: \(cap))"
        }
    }
}

/// Turns parameter specs, the user's values and the selection into typed values, enforcing minimums, caps and
/// allowed values.
enum ParameterResolver {
    static func resolve(
        _ specs: [ParameterSpec], settings: [String: String], scope: TemplateScope, runbook: String
    ) throws(RunbooksError) -> (values: [String: ParameterValue], resolved: [ResolvedParameter]) {
        for name in settings.keys.sorted() where !specs.contains(where: { $0.name == name }) {
            throw .unknownParameter(
                name, runbook: runbook, suggestion: NearestName.suggest(name, among: specs.map(\.name)))
        }
        var values: [String: ParameterValue] = [:]
        var resolved: [ResolvedParameter] = []
        for spec in specs {
            let (value, source) = try resolve(spec, setting: settings[spec.name], scope: scope)
            values[spec.name] = value
            resolved.append(
                ResolvedParameter(name: spec.name, value: value.description, type: spec.type.rawValue, source: source))
        }
        return (values, resolved)
    }

    static func resolve(_ spec: ParameterSpec, setting: String?, scope: TemplateScope) throws(RunbooksError) -> (
        ParameterValue, ResolvedParameter.Source
    ) {
        var value: ParameterValue
        var source = ResolvedParameter.Source.set
        if let setting {
            guard let parsed = ParameterValue(parsing: setting, as: spec.type) else {
                throw .invalidValue(setting, type: spec.type, problem: "not a value for parameter '\(spec.name)'")
            }
            value = parsed
        } else if let template = spec.defaultValue {
            value = try scope.evaluate(template, as: spec.type)
            source = .defaultValue
        } else {
            throw .missingParameter(spec.name)
        }
        if !spec.allowed.isEmpty, !spec.allowed.contains(value.description) {
            throw .notAllowed(parameter: spec.name, value: value.description, allowed: spec.allowed)
        }
        for bound in spec.maximum {
            let cap = try scope.evaluate(bound, as: spec.type)
            guard let capMagnitude = cap.magnitude, let magnitude = value.magnitude, magnitude > capMagnitude else {
                continue
            }
            let origin = describe(bound, value: cap, scope: scope)
            if source == .set {
                throw .aboveCap(parameter: spec.name, value: value.description, cap: cap.description, capSource: origin)
            }
            value = cap
            source = .capped(origin)
        }
        for bound in spec.minimum {
            let minimum = try scope.evaluate(bound, as: spec.type)
            if let low = minimum.magnitude, let magnitude = value.magnitude, magnitude < low {
                throw .belowMinimum(parameter: spec.name, value: value.description, minimum: minimum.description)
            }
        }
        return (value, source)
    }

    /// `2× memory_limit 170Mi`, `ceiling 8Gi`.
    private static func describe(_ bound: TemplateText, value: ParameterValue, scope: TemplateScope) -> String {
        guard let expression = bound.soleExpression else { return "ceiling \(value)" }
        let base = scope.values[expression.variable]?.description ?? "?"
        guard let factor = expression.factor else { return "\(expression.variable) \(base)" }
        return "\(factor)× \(expression.variable) \(base)"
    }
}
