/// Kubernetes resource quantities (`250m`, `1.5`, `170Mi`, `2Gi`, `500M`), as the simulator needs them.
enum Quantity {
    private static let binary: [String: Double] = [
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776, "Pi": 1_125_899_906_842_624,
    ]
    private static let decimal: [String: Double] = [
        "n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15,
    ]

    /// The value in base units (bytes, cores), or nil when the text is not a quantity.
    static func value(_ text: String) -> Double? {
        var numberEnd = text.endIndex
        for suffix in binary.keys where text.hasSuffix(suffix) {
            numberEnd = text.index(text.endIndex, offsetBy: -suffix.count)
            return Double(text[..<numberEnd]).map { $0 * binary[suffix]! }
        }
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let mantissa = Double(text[..<e]),
            let exponent = Int(text[text.index(after: e)...])
        {
            return mantissa * pow10(exponent)
        }
        if let last = text.last, last.isLetter {
            numberEnd = text.index(before: text.endIndex)
            guard let scale = decimal[String(last)] else { return nil }
            return Double(text[..<numberEnd]).map { $0 * scale }
        }
        return Double(text)
    }

    static func bytes(_ text: String) -> Int64? { value(text).map { Int64($0.rounded(.up)) } }
    static func millis(_ text: String) -> Int64? { value(text).map { Int64(($0 * 1000).rounded(.up)) } }

    /// Formats bytes the way Kubernetes canonicalises binary quantities (`170Mi`, `1Gi`, else plain bytes).
    static func formatBytes(_ bytes: Int64) -> String {
        for (suffix, size) in [("Gi", Int64(1_073_741_824)), ("Mi", 1_048_576), ("Ki", 1024)]
        where bytes % size == 0 && bytes >= size {
            return "\(bytes / size)\(suffix)"
        }
        return "\(bytes)"
    }

    static func formatMillis(_ millis: Int64) -> String { millis % 1000 == 0 ? "\(millis / 1000)" : "\(millis)m" }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
