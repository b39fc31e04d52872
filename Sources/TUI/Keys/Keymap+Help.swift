/// One line of the generated help screen.
public struct HelpLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case heading, binding, disabled, blank }
    public var text: String
    public var kind: Kind
}

/// One footer hint: a key and a short label (`/ filter`).
public struct FooterHint: Hashable, Sendable {
    public var key: String
    public var label: String

    /// Columns the hint takes, without separators.
    public var width: Int { key.displayWidth + 1 + label.displayWidth }
}

extension Keymap {
    /// The help screen for `context`, grouped by section, each line fitted to `width`.
    ///
    /// A disabled binding says why: `d  Drain the node (disabled: console is read-only)`.
    public func helpLines(for context: KeyContext, width: Int) -> [HelpLine] {
        let shown = bindings.filter { $0.contexts.contains(context) && !$0.keys.isEmpty }
        let keyWidth = min(12, shown.map(\.keyLabel.displayWidth).max() ?? 0)
        var lines: [HelpLine] = []
        for group in KeyGroup.allCases {
            let members = shown.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            if !lines.isEmpty { lines.append(HelpLine(text: "", kind: .blank)) }
            lines.append(HelpLine(text: group.rawValue.truncated(toWidth: width), kind: .heading))
            for binding in members {
                var text = "  " + binding.keyLabel.padded(toWidth: keyWidth) + "  " + binding.description
                if let reason = binding.disabledReason { text += " (disabled: \(reason))" }
                lines.append(
                    HelpLine(
                        text: text.truncated(toWidth: width), kind: binding.disabledReason == nil ? .binding : .disabled
                    ))
            }
        }
        return lines
    }

    /// The footer hints for `context` that fit in `width` columns with `separator` between them.
    public func footerHints(for context: KeyContext, width: Int, separator: Int = 2) -> [FooterHint] {
        var hints: [FooterHint] = []
        var used = 0
        for binding in bindings where binding.contexts.contains(context) && binding.disabledReason == nil {
            guard let label = binding.hint, let key = binding.keys.first else { continue }
            let hint = FooterHint(key: key.description, label: label)
            let needed = hint.width + (hints.isEmpty ? 0 : separator)
            guard used + needed <= width else { break }
            hints.append(hint)
            used += needed
        }
        return hints
    }
}
