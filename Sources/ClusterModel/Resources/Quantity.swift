/// A Kubernetes resource quantity (`100m`, `1.5`, `170Mi`, `1e3`, `500M`) as an integer count of thousandths,
/// so CPU reads in millicores and memory in bytes (`milliValue / 1000`).
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value times 1000, rounded up like the API server rounds to milli precision.
    public let milliValue: Int64

    public init(milliValue: Int64) { self.milliValue = milliValue }

    /// CPU in millicores.
    public var millicores: Int64 { milliValue }
    /// Memory or storage in bytes (rounded up).
    public var bytes: Int64 { milliValue >= 0 ? (milliValue + 999) / 1000 : milliValue / 1000 }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milliValue < rhs.milliValue }

    public var description: String { "\(milliValue)m" }

    /// Parses the canonical quantity grammar; throws for anything else.
    public init(parsing text: String) throws(QuantityError) {
        guard let value = Self.parse(text) else { throw QuantityError.invalid(text) }
        self.milliValue = value
    }

    static func parse(_ text: String) -> Int64? {
        var s = Substring(text)
        guard !s.isEmpty, s.count < 64 else { return nil }
        var negative = false
        if s.first == "-" || s.first == "+" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        let numberEnd = s.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? s.endIndex
        let number = s[s.startIndex..<numberEnd]
        let suffix = s[numberEnd...]
        guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1 else { return nil }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0]
        let frac = parts.count > 1 ? parts[1] : ""
        var digits = Array((whole + frac).utf8).map { Int($0) - 48 }
        var exponent10 = -frac.count
        var multiplier2 = 0
        switch suffix {
        case "": break
        case "m": exponent10 -= 3
        case "k": exponent10 += 3
        case "M": exponent10 += 6
        case "G": exponent10 += 9
        case "T": exponent10 += 12
        case "P": exponent10 += 15
        case "E": exponent10 += 18
        case "Ki": multiplier2 = 10
        case "Mi": multiplier2 = 20
        case "Gi": multiplier2 = 30
        case "Ti": multiplier2 = 40
        case "Pi": multiplier2 = 50
        case "Ei": multiplier2 = 60
        default:
            guard let first = suffix.first, first == "e" || first == "E",
                  let exp = Int(suffix.dropFirst()), abs(exp) < 40 else { return nil }
            exponent10 += exp
        }
        // value = digits × 10^exponent10 × 2^multiplier2; we want it × 1000, rounded up.
        exponent10 += 3
        while digits.count > 1, digits.first == 0 { digits.removeFirst() }
        var result: Int64 = 0
        for d in digits {
            let (m, o1) = result.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { return nil }
            result = a
        }
        var remainderNonZero = false
        if multiplier2 > 0 {
            let (m, o) = result.multipliedReportingOverflow(by: Int64(1) << multiplier2)
            guard !o else { return nil }
            result = m
        }
        while exponent10 > 0 {
            let (m, o) = result.multipliedReportingOverflow(by: 10)
            guard !o else { return nil }
            result = m
            exponent10 -= 1
        }
        while exponent10 < 0 {
            if result % 10 != 0 { remainderNonZero = true }
            result /= 10
            exponent10 += 1
        }
        if remainderNonZero { result += 1 }
        return negative ? -result : result
    }
}

/// A quantity string that does not follow the Kubernetes grammar.
public enum QuantityError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let text): return "Invalid quantity '\(text)': expected a number with an optional suffix such as m, Mi, Gi, k, M or e3"
        }
    }
}
