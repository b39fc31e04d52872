/// What a pane's rows are filtered by: free text plus optional `ns:` and `node:` terms.
public struct RowFilter: Hashable, Sendable {
    /// Words that must all appear in a row (case-insensitive substring).
    public var text: String
    public var namespace: String?
    public var node: String?

    public init(text: String = "", namespace: String? = nil, node: String? = nil) {
        self.text = text
        self.namespace = namespace
        self.node = node
    }

    public static let none = RowFilter()

    public var isEmpty: Bool { text.isEmpty && namespace == nil && node == nil }

    /// Parses the `/` prompt: `ns:kube-system node:worker-3 coredns` → namespace, node and text.
    public init(parsing input: String) {
        self.init()
        var words: [Substring] = []
        for word in input.split(separator: " ", omittingEmptySubsequences: true) {
            if word.hasPrefix("ns:"), word.count > 3 {
                namespace = String(word.dropFirst(3))
            } else if word.hasPrefix("node:"), word.count > 5 {
                node = String(word.dropFirst(5))
            } else {
                words.append(word)
            }
        }
        text = words.joined(separator: " ")
    }

    /// The filter written back as the user would type it.
    public var input: String {
        var words: [String] = []
        if let namespace { words.append("ns:\(namespace)") }
        if let node { words.append("node:\(node)") }
        if !text.isEmpty { words.append(text) }
        return words.joined(separator: " ")
    }
}
