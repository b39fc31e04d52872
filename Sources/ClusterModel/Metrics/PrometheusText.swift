/// One sample of the Prometheus text exposition format.
public struct PrometheusSample: Sendable, Equatable {
    public var name: String
    public var labels: [String: String]
    public var value: Double

    public init(name: String, labels: [String: String], value: Double) {
        self.name = name
        self.labels = labels
        self.value = value
    }
}

/// Parses Prometheus text exposition (comments, `name{label="v",...} value [timestamp]`), keeping only wanted metrics.
/// It reads Unicode scalars, not Characters: a label value that starts with a combining mark or ends with a prepended
/// one would otherwise fuse with its quote into one Character and hide it.
public enum PrometheusText {
    typealias Scalars = Substring.UnicodeScalarView

    /// The samples of `text` whose metric name is in `names` (all when nil); malformed lines are skipped.
    public static func parse(_ text: String, keeping names: Set<String>? = nil) -> [PrometheusSample] {
        var samples: [PrometheusSample] = []
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            guard let first = line.first, first != "#" else { continue }
            let nameEnd = line.firstIndex { $0 == "{" || $0 == " " } ?? line.endIndex
            let name = String(Substring(line[line.startIndex..<nameEnd]))
            if let names, !names.contains(name) { continue }
            var labels: [String: String] = [:]
            var rest = line[nameEnd...]
            if rest.first == "{" {
                guard let (parsed, after) = parseLabels(rest.dropFirst()) else { continue }
                labels = parsed
                rest = after
            }
            let fields = rest.split(separator: " ", omittingEmptySubsequences: true)
            guard let valueText = fields.first, let value = parseValue(Substring(valueText)) else { continue }
            samples.append(PrometheusSample(name: name, labels: labels, value: value))
        }
        return samples
    }

    private static func parseValue(_ text: Substring) -> Double? {
        switch text {
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default: return Double(text)
        }
    }

    /// Parses `a="x",b="y"}` and returns the labels and the text after `}`.
    private static func parseLabels(_ text: Scalars) -> ([String: String], Scalars)? {
        var labels: [String: String] = [:]
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, text[index] == "," || text[index] == " " { index = text.index(after: index) }
            guard index < text.endIndex else { return nil }
            if text[index] == "}" { return (labels, text[text.index(after: index)...]) }
            guard let eq = text[index...].firstIndex(of: "=") else { return nil }
            let key = String(Substring(text[index..<eq]))
            var cursor = text.index(after: eq)
            guard cursor < text.endIndex, text[cursor] == "\"" else { return nil }
            cursor = text.index(after: cursor)
            var value = String.UnicodeScalarView()
            while cursor < text.endIndex, text[cursor] != "\"" {
                if text[cursor] == "\\" {
                    cursor = text.index(after: cursor)
                    guard cursor < text.endIndex else { return nil }
                    value.append(text[cursor] == "n" ? "\n" : text[cursor])
                } else {
                    value.append(text[cursor])
                }
                cursor = text.index(after: cursor)
            }
            guard cursor < text.endIndex else { return nil }
            labels[key] = String(value)
            index = text.index(after: cursor)
        }
        return nil
    }
}
