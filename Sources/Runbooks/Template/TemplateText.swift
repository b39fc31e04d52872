import Foundation

/// A text from a runbook file that may hold `{{variable}}` or `{{variable * factor}}` parts, resolved against the
/// selection and the parameters when a plan is made.
public struct TemplateText: Sendable, Hashable, CustomStringConvertible {
    /// One piece of a template.
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case expression(TemplateExpression)
    }

    public let raw: String
    public let segments: [Segment]
    /// Why the text is not a valid template (an unclosed `{{`, an expression that is not `name` or `name * number`).
    public let syntaxError: String?
    public let location: SourceLocation

    public init(_ raw: String, location: SourceLocation = SourceLocation()) {
        self.raw = raw
        self.location = location
        switch Self.parse(raw) {
        case .success(let segments):
            self.segments = segments
            self.syntaxError = nil
        case .failure(let problem):
            self.segments = [.literal(raw)]
            self.syntaxError = problem.message
        }
    }

    public var description: String { raw }

    /// The expressions it holds.
    public var expressions: [TemplateExpression] {
        segments.compactMap {
            if case .expression(let expression) = $0 { return expression }
            return nil
        }
    }

    /// The expression when the whole text is one `{{…}}` (its value keeps its type).
    public var soleExpression: TemplateExpression? {
        guard segments.count == 1, case .expression(let expression) = segments[0] else { return nil }
        return expression
    }

    private struct SyntaxProblem: Error {
        var message: String
    }

    private static func parse(_ raw: String) -> Result<[Segment], SyntaxProblem> {
        var segments: [Segment] = []
        var rest = Substring(raw)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { segments.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                return .failure(SyntaxProblem(message: "'{{' without a closing '}}'"))
            }
            let body = rest[open.upperBound..<close.lowerBound]
            guard let expression = TemplateExpression(parsing: body) else {
                return .failure(
                    SyntaxProblem(
                        message: "'{{\(body)}}' is not a variable or 'variable * number' (e.g. {{memory_limit * 1.5}})"
                    ))
            }
            segments.append(.expression(expression))
            rest = rest[close.upperBound...]
        }
        if rest.contains("}}") { return .failure(SyntaxProblem(message: "'}}' without an opening '{{'")) }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        return .success(segments)
    }
}

/// `name` or `name * factor` inside `{{…}}`.
public struct TemplateExpression: Sendable, Hashable, CustomStringConvertible {
    public var variable: String
    public var factor: DecimalFactor?

    public init(variable: String, factor: DecimalFactor? = nil) {
        self.variable = variable
        self.factor = factor
    }

    init?(parsing body: Substring) {
        let parts = body.split(separator: "*", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard (1...2).contains(parts.count), Self.isIdentifier(parts[0]) else { return nil }
        variable = parts[0]
        if parts.count == 2 {
            guard let factor = DecimalFactor(parts[1]) else { return nil }
            self.factor = factor
        }
    }

    public var description: String { factor.map { "{{\(variable) * \($0)}}" } ?? "{{\(variable)}}" }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || $0 == "." || $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }
    }
}

/// A non-negative decimal number held exactly as a fraction (`1.5` is 15/10), so `170Mi * 1.5` is exactly 255Mi.
public struct DecimalFactor: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64
    private let text: String

    /// The factor 1.
    public static let one = DecimalFactor(numerator: 1, denominator: 1, text: "1")

    private init(numerator: Int64, denominator: Int64, text: String) {
        self.numerator = numerator
        self.denominator = denominator
        self.text = text
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
            parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)),
            text.count <= 12
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard let value = Int64(String(parts[0]) + fraction) else { return nil }
        numerator = value
        var denominator: Int64 = 1
        for _ in fraction { denominator *= 10 }
        self.denominator = denominator
        self.text = text
    }

    public var description: String { text }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// `value × self`, rounded up to a whole number.
    public func scaleRoundingUp(_ value: Int64) -> Int64 {
        let (product, overflow) = value.multipliedReportingOverflow(by: numerator)
        guard !overflow else { return Int64((Double(value) * doubleValue).rounded(.up)) }
        let quotient = product / denominator
        return product % denominator > 0 ? quotient + 1 : quotient
    }

    public static func < (lhs: DecimalFactor, rhs: DecimalFactor) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    public static func == (lhs: DecimalFactor, rhs: DecimalFactor) -> Bool {
        lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(doubleValue)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
