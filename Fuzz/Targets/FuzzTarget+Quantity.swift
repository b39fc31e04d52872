import ClusterModel
import Foundation

extension FuzzTarget {
    /// Properties of a quantity:
    /// - reference: what `Quantity` reads equals `ReferenceQuantity` (rounded up to thousandths), and every quantity
    ///   the reference reads whose value fits is read, when written in under 64 bytes with at most 18 significant
    ///   digits and a two-digit exponent (longer ones may be refused);
    /// - round trip: a value read prints (`<n>m`) as text that reads back as the same value.
    func checkQuantity(_ input: Data) throws(FuzzFailure) {
        let text = String(decoding: input, as: UTF8.self)
        let parsed = try? Quantity(parsing: text)
        let reference = ReferenceQuantity(text)
        let magnitude = reference?.milliMagnitude
        if let parsed {
            guard let reference else {
                throw FuzzFailure(
                    target: self, property: "reference", detail: "read non-quantity \(text.debugDescription)")
            }
            try require(
                magnitude == parsed.milliValue.magnitude.int64, "reference",
                "\(text.debugDescription) read as \(parsed), reference \(magnitude.map { "\($0)m" } ?? "out of range")")
            try require(
                (parsed.milliValue < 0) == (reference.isNegative && parsed.milliValue != 0), "reference",
                "\(text.debugDescription) read as \(parsed): wrong sign")
            let again = try? Quantity(parsing: parsed.description)
            try require(
                again == parsed, "round trip",
                "\(text.debugDescription) read as \(parsed), which reads as \(again.map { "\($0)" } ?? "nil")")
        } else if let reference, let magnitude, input.count < 64, reference.significantDigits.count <= 18,
            reference.exponentDigits <= 2
        {
            throw FuzzFailure(
                target: self, property: "reference",
                detail: "refused \(text.debugDescription), which is \(reference.isNegative ? "-" : "")\(magnitude)m")
        }
    }
}

extension UInt64 {
    /// The value as an `Int64`, or nil past `Int64.max`.
    fileprivate var int64: Int64? { Int64(exactly: self) }
}
