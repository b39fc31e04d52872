/// What a key does in a context.
public enum KeyResolution: Hashable, Sendable {
    case action(Action)
    /// The key is bound, but the action cannot run, for `reason`.
    case disabled(Action, reason: String)
    case unbound
}

/// Key bindings as data: the one table that drives input, help and footer hints.
public struct Keymap: Hashable, Sendable {
    public private(set) var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// What `key` does in `context`.
    public func resolve(_ key: Key, in context: KeyContext) -> KeyResolution {
        guard let binding = bindings.first(where: { $0.contexts.contains(context) && $0.keys.contains(key) }) else {
            return .unbound
        }
        if let reason = binding.disabledReason {
            return .disabled(binding.action, reason: reason)
        }
        return .action(binding.action)
    }

    /// The binding for `action`.
    public func binding(for action: Action) -> KeyBinding? {
        bindings.first { $0.action == action }
    }

    /// The first key bound to `action` (what help and footers show first).
    public func key(for action: Action) -> Key? {
        binding(for: action)?.keys.first
    }

    /// This key map with `actions` disabled for `reason`.
    public func disabling(where shouldDisable: (Action) -> Bool, reason: String) -> Keymap {
        var copy = self
        for index in copy.bindings.indices where shouldDisable(copy.bindings[index].action) {
            copy.bindings[index].disabledReason = reason
        }
        return copy
    }

    /// This key map with every runbook action disabled because the console is read-only.
    public func readOnly() -> Keymap {
        disabling(where: \.isRunbook, reason: "console is read-only")
    }

    /// This key map with `keys` bound to `action`; a key taken from another action in a
    /// shared context is removed from it (the user's choice wins).
    public func rebinding(_ action: Action, to keys: [Key]) -> Keymap {
        var copy = self
        guard let target = copy.bindings.firstIndex(where: { $0.action == action }) else { return copy }
        let contexts = copy.bindings[target].contexts
        for index in copy.bindings.indices
        where index != target && !copy.bindings[index].contexts.isDisjoint(with: contexts) {
            copy.bindings[index].keys.removeAll(where: keys.contains)
        }
        copy.bindings[target].keys = keys
        return copy
    }
}
