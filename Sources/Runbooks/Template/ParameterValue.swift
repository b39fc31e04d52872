import ClusterModel

/// A typed value of a parameter or selection variable.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    /// Memory in bytes, with the text it was written as (`170Mi`, `1.5G`).
    case memory(bytes: Int64, text: String)
    /// CPU in millicores, with its text (`250m`, `2`).
    case cpu(millis: Int64, text: String)
    case integer(Int64)
    case number(Double)
    case string(String)
    case boolean(Bool)
    /// Seconds, with the text (`2m`).
    case duration(seconds: Double, text: String)

    public static let mebibyte: Int64 = 1 << 20

    /// Parses `text` as a value of `type`; nil when it does not fit the type.
    public init?(parsing text: String, as type: ParameterType) {
        switch type {
        case .memory:
            guard let quantity = try? Quantity(parsing: text), quantity.milliValue >= 0 else { return nil }
            self = .memory(bytes: quantity.bytes, text: text)
        case .cpu:
            guard let quantity = try? Quantity(parsing: text), quantity.milliValue >= 0 else { return nil }
            self = .cpu(millis: quantity.millicores, text: text)
        case .integer:
            guard let number = Int64(text) else { return nil }
            self = .integer(number)
        case .number:
            guard let number = Double(text), number.isFinite else { return nil }
            self = .number(number)
        case .string, .container:
            self = .string(text)
        case .boolean:
            switch text.lowercased() {
            case "true", "yes": self = .boolean(true)
            case "false", "no": self = .boolean(false)
            default: return nil
            }
        case .duration:
            guard let seconds = DurationText.seconds(text) else { return nil }
            self = .duration(seconds: seconds, text: text)
        }
    }

    /// A memory value rounded up to a whole Mi, written in Mi (or Gi when whole).
    public static func memory(roundingUpToMebibytes bytes: Int64) -> ParameterValue {
        let mebibytes = (bytes + mebibyte - 1) / mebibyte
        let text = mebibytes % 1024 == 0 && mebibytes > 0 ? "\(mebibytes / 1024)Gi" : "\(mebibytes)Mi"
        return .memory(bytes: mebibytes * mebibyte, text: text)
    }

    /// A CPU value in millicores, written as whole cores when it is one.
    public static func cpu(millis: Int64) -> ParameterValue {
        .cpu(millis: millis, text: millis % 1000 == 0 && millis > 0 ? "\(millis / 1000)" : "\(millis)m")
    }

    /// The value as written into a request or shown to the user.
    public var description: String {
        switch self {
        case .memory(_, let text), .cpu(_, let text), .duration(_, let text): text
        case .integer(let number): String(number)
        case .number(let number): number.rounded() == number ? String(Int64(number)) : String(number)
        case .string(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        }
    }

    /// The value for ordering within one type (bytes, millicores, seconds, the number); nil for text and flags.
    public var magnitude: Double? {
        switch self {
        case .memory(let bytes, _): Double(bytes)
        case .cpu(let millis, _): Double(millis)
        case .integer(let number): Double(number)
        case .number(let number): number
        case .duration(let seconds, _): seconds
        case .string, .boolean: nil
        }
    }

    /// `self × factor`: memory rounds up to a whole Mi, CPU to a whole millicore, integers up to a whole number;
    /// nil for text and flags.
    public func scaled(by factor: DecimalFactor) -> ParameterValue? {
        switch self {
        case .memory(let bytes, _): .memory(roundingUpToMebibytes: factor.scaleRoundingUp(bytes))
        case .cpu(let millis, _): .cpu(millis: factor.scaleRoundingUp(millis))
        case .integer(let number): .integer(factor.scaleRoundingUp(number))
        case .number(let number): .number(number * factor.doubleValue)
        case .duration(let seconds, _):
            .duration(seconds: seconds * factor.doubleValue, text: DurationText.format(seconds * factor.doubleValue))
        case .string, .boolean: nil
        }
    }

    /// The value as JSON for a request body: quantities as strings, numbers as numbers.
    public var json: JSONValue {
        switch self {
        case .memory, .cpu, .string, .duration: .string(description)
        case .integer(let number): .int(number)
        case .number(let number): .double(number)
        case .boolean(let flag): .bool(flag)
        }
    }

    /// The type this value has (a string stands for `.string`).
    public var type: ParameterType {
        switch self {
        case .memory: .memory
        case .cpu: .cpu
        case .integer: .integer
        case .number: .number
        case .string: .string
        case .boolean: .boolean
        case .duration: .duration
        }
    }
}

/// Durations as written in runbooks and on the command line: `90`, `30s`, `5m`, `1h30m`.
public enum DurationText {
    /// Seconds, or nil when the text is not a duration.
    public static func seconds(_ text: String) -> Double? {
        if let plain = Double(text), plain >= 0 { return plain }
        var total = 0.0
        var number = ""
        var sawUnit = false
        for character in text {
            if character.isASCIIDigit || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            switch character {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        return number.isEmpty && sawUnit ? total : nil
    }

    /// `2m`, `1h30m`, `45s`, `1.5s`.
    public static func format(_ seconds: Double) -> String {
        guard seconds.rounded() == seconds else { return "\(seconds)s" }
        let whole = Int(seconds)
        var text = ""
        if whole >= 3600 { text += "\(whole / 3600)h" }
        if whole % 3600 >= 60 { text += "\(whole % 3600 / 60)m" }
        if whole % 60 > 0 || text.isEmpty { text += "\(whole % 60)s" }
        return text
    }
}
