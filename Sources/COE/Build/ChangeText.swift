import Timeline

/// How a change seen reads beside its summary.
enum ChangeText {
    /// ` (before → after)`, unless the summary already says it (or there is nothing to say).
    static func values(_ record: ChangeRecord, summary: String) -> String {
        guard record.before != nil || record.after != nil else { return "" }
        if summary.contains("→") || record.after.map(summary.contains) == true { return "" }
        return " (\(record.before ?? "—") → \(record.after ?? "—"))"
    }
}
