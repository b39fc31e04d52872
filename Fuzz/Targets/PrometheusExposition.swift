import ClusterModel

/// Writes samples as Prometheus text exposition, for round-trip checks of `PrometheusText`.
enum PrometheusExposition {
    /// `name{label="value",...} value` with label values escaped (`\\`, `\"`, `\n`).
    static func line(for sample: PrometheusSample) -> String {
        let labels = sample.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(escaped($0.value))\"" }
        let value: String
        switch sample.value {
        case .infinity: value = "+Inf"
        case -.infinity: value = "-Inf"
        default: value = sample.value.isNaN ? "NaN" : "\(sample.value)"
        }
        return sample.name + (labels.isEmpty ? "" : "{\(labels.joined(separator: ","))}") + " " + value + "\n"
    }

    static func escaped(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`
    static func isMetricName(_ name: String) -> Bool {
        isName(name, extra: ":")
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`
    static func isLabelName(_ name: String) -> Bool {
        isName(name, extra: nil)
    }

    private static func isName(_ name: String, extra: Unicode.Scalar?) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == extra
        }
    }
}
