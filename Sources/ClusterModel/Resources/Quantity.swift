/// A Kubernetes resource quantity (`100m`, `1.5`, `170Mi`, `1e3`, `500M`) as an integer count of thousandths,
/// so CPU reads in millicores and memory in bytes (`milliValue / 1000`).
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value times 1000, rounded up like the API server rounds to milli precision.
    public let milliValue: Int64

    public init(milliValue: Int64) { self.milliValue = milliValue }

    /// CPU in millicores.
    public var millicores: Int64 { milliValue }
    /// Memory or storage in bytes (rounded up; no overflow near `Int64.max` thousandths).
    public var bytes: Int64 {
        let (whole, remainder) = milliValue.quotientAndRemainder(dividingBy: 1000)
        return remainder > 0 ? whole + 1 : whole
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milliValue < rhs.milliValue }

    public var description: String { "\(milliValue)m" }

    /// Parses the canonical quantity grammar; throws for anything else.
    public init(parsing text: String) throws(QuantityError) {
        guard let value = Self.parse(text) else { throw QuantityError.invalid(text) }
        self.milliValue = value
    }

    static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Parses the quantity grammar straight from UTF-8 bytes, without allocating: the value times 1000, rounded up.
    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !b.isEmpty, b.count < 64 else { return nil }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        // The significant digits as an integer; leading zeros are dropped so they cannot overflow.
        var mantissa: Int64 = 0
        var digitCount = 0
        var fractionDigits = 0
        var sawDot = false
        let numberStart = i
        while i < b.count {
            let byte = b[i]
            if byte == UInt8(ascii: ".") {
                guard !sawDot else { return nil }
                sawDot = true
            } else if byte >= 0x30, byte <= 0x39 {
                if sawDot { fractionDigits += 1 }
                if mantissa != 0 || byte != 0x30 {
                    let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(Int64(byte - 0x30))
                    guard !o1, !o2 else { return nil }
                    mantissa = a
                }
                digitCount += 1
            } else {
                break
            }
            i += 1
        }
        guard digitCount > 0, i > numberStart else { return nil }
        guard let (suffixExponent10, multiplier2) = suffix(b, from: i) else { return nil }
        var exponent10 = suffixExponent10
        // value = mantissa × 10^(exponent10 − fractionDigits) × 2^multiplier2; we want it × 1000, rounded up.
        exponent10 += 3 - fractionDigits
        var result = mantissa
        if multiplier2 > 0 {
            let (m, o) = result.multipliedReportingOverflow(by: Int64(1) << multiplier2)
            guard !o else {
                // Many digits before a binary suffix (`1.000000000000005Gi`) overflow here yet fit once divided.
                guard exponent10 < 0, let wide = wideScaled(mantissa, shift: multiplier2, divisorPower: -exponent10)
                else { return nil }
                return negative ? -wide : wide
            }
            result = m
        }
        while exponent10 > 0 {
            let (m, o) = result.multipliedReportingOverflow(by: 10)
            guard !o else { return nil }
            result = m
            exponent10 -= 1
        }
        var remainderNonZero = false
        while exponent10 < 0 {
            if result % 10 != 0 { remainderNonZero = true }
            result /= 10
            exponent10 += 1
        }
        if remainderNonZero { result += 1 }
        return negative ? -result : result
    }

    /// ⌈mantissa × 2^shift / 10^divisorPower⌉ in 128-bit arithmetic, for when the product overflows 64 bits; nil when
    /// the result does not fit an `Int64` either.
    private static func wideScaled(_ mantissa: Int64, shift: Int, divisorPower: Int) -> Int64? {
        var (high, low) = UInt64(mantissa).multipliedFullWidth(by: UInt64(1) << shift)
        var remainderNonZero = false
        for _ in 0..<divisorPower {
            let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: 10)
            let (lowQuotient, remainder) = UInt64(10).dividingFullWidth((highRemainder, low))
            if remainder != 0 { remainderNonZero = true }
            (high, low) = (highQuotient, lowQuotient)
        }
        let limit = UInt64(Int64.max) - (remainderNonZero ? 1 : 0)
        guard high == 0, low <= limit else { return nil }
        return Int64(low) + (remainderNonZero ? 1 : 0)
    }

    /// Decimal suffixes: the one at index n stands for 10^(3(n − 1)); `_` holds a place no suffix takes.
    private static let decimalUnits: StaticString = "m_kMGTPE"
    /// Binary suffixes (followed by `i`): the one at index n stands for 2^(10 n).
    private static let binaryUnits: StaticString = "_KMGTPE"

    private static func unitIndex(_ byte: UInt8, in units: StaticString) -> Int? {
        guard byte != UInt8(ascii: "_") else { return nil }
        return units.withUTF8Buffer { $0.firstIndex(of: byte) }
    }

    /// What the suffix from `i` on multiplies by: a power of ten (`m`, `k` … `E`, `e3`) and a power of two
    /// (`Ki` … `Ei`); nil when it is not a suffix.
    private static func suffix(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> (exponent10: Int, shift2: Int)? {
        let count = b.count - i
        if count == 0 { return (0, 0) }
        if count == 1, let step = unitIndex(b[i], in: decimalUnits) { return ((step - 1) * 3, 0) }
        if count == 2, b[i + 1] == UInt8(ascii: "i"), let step = unitIndex(b[i], in: binaryUnits) {
            return (0, step * 10)
        }
        guard b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E"), count >= 2 else { return nil }
        var j = i + 1
        var sign = 1
        if b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "+") {
            sign = b[j] == UInt8(ascii: "-") ? -1 : 1
            j += 1
        }
        guard j < b.count, b.count - j <= 2 else { return nil }
        var exponent = 0
        while j < b.count {
            guard b[j] >= 0x30, b[j] <= 0x39 else { return nil }
            exponent = exponent * 10 + Int(b[j] - 0x30)
            j += 1
        }
        return (sign * exponent, 0)
    }
}

/// A quantity string that does not follow the Kubernetes grammar.
public enum QuantityError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let text):
            return "Invalid quantity '\(text)': expected a number with an optional suffix such as m, Mi, Gi, k, M or e3"
        }
    }
}
