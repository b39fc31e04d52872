import Foundation

/// A second, independent reading of the Kubernetes quantity grammar, with Foundation's `Decimal` doing the arithmetic
/// exactly: the reference `Quantity` is checked against.
///
///     quantity ::= [+-] number suffix
///     number   ::= digits | digits "." | digits "." digits | "." digits
///     suffix   ::= "" | m | k | M | G | T | P | E | Ki | Mi | Gi | Ti | Pi | Ei | (e | E) [+-] digits
struct ReferenceQuantity: Equatable {
    var isNegative: Bool
    /// Digits of the number without the point, leading zeros dropped.
    var significantDigits: String
    /// How many of the digits follow the point.
    var fractionDigits: Int
    var exponent10: Int
    var exponent2: Int
    /// How many digits the `e` exponent was written with (0 without one).
    var exponentDigits: Int

    private static let decimalSuffixes: [Character: Int] = ["m": -3, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18]
    private static let binarySuffixes: [Character: Int] = ["K": 10, "M": 20, "G": 30, "T": 40, "P": 50, "E": 60]

    /// The parts of `text`, or nil when it is not a quantity.
    init?(_ text: String) {
        var rest = Substring(text)
        isNegative = rest.first == "-"
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(integer.count)
        var fraction = Substring("")
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fraction.count)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return nil }
        let digits = (integer + fraction).drop { $0 == "0" }
        significantDigits = String(digits)
        fractionDigits = fraction.count
        exponent10 = 0
        exponent2 = 0
        exponentDigits = 0
        if rest.isEmpty { return }
        if rest.count == 1, let power = Self.decimalSuffixes[rest[rest.startIndex]] {
            exponent10 = power
        } else if rest.count == 2, rest.last == "i", let power = Self.binarySuffixes[rest[rest.startIndex]] {
            exponent2 = power
        } else if rest.first == "e" || rest.first == "E" {
            var exponent = rest.dropFirst()
            let negative = exponent.first == "-"
            if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            exponentDigits = exponent.count
            guard exponent.count <= 4, let value = Int(exponent) else { return nil }
            exponent10 = negative ? -value : value
        } else {
            return nil
        }
    }

    /// The magnitude times 1000, rounded up, exactly; nil when it does not fit an `Int64` (or has more than 38
    /// significant digits, beyond `Decimal`).
    var milliMagnitude: Int64? {
        guard significantDigits.count <= 38 else { return nil }
        guard !significantDigits.isEmpty else { return 0 }
        let scale = exponent10 + 3 - fractionDigits
        // Below 10^-19 even a binary suffix (at most 2^60) leaves the value under 1: it rounds up to 1.
        if scale + significantDigits.count + 19 <= 0 { return 1 }
        // At 10^19 and above the value is past Int64.max.
        guard scale < 19, let digits = Decimal(string: significantDigits) else { return nil }
        var value = digits * Decimal(sign: .plus, exponent: scale, significand: 1) * pow(Decimal(2), exponent2)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .up)
        guard rounded <= Decimal(Int64.max) else { return nil }
        return Int64(rounded.description)
    }
}
