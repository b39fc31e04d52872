import Runbooks

extension Keymap {
    /// This key map with a binding for each runbook that declares a key, where an object is selected, listed under
    /// Runbooks in help and offered in the footer right after the console's own keys; `skipped` says which runbook
    /// keys were left out because a console key already has them.
    public func addingRunbooks(_ runbooks: [Runbook]) -> (keymap: Keymap, skipped: [String]) {
        var bindings = self.bindings
        var added: [KeyBinding] = []
        var skipped: [String] = []
        for runbook in runbooks {
            guard let name = runbook.key else { continue }
            guard let key = Key(name: name) else {
                skipped.append("runbook '\(runbook.id)': '\(name)' is not a key")
                continue
            }
            let contexts = Set<KeyContext>.objects
            if let taken = (bindings + added).first(where: {
                $0.keys.contains(key) && !$0.contexts.isDisjoint(with: contexts)
            }) {
                skipped.append("runbook '\(runbook.id)': key '\(key)' is already '\(taken.action.name)'")
                continue
            }
            added.append(
                KeyBinding(
                    .runbook(runbook.id), keys: [key], description: runbook.title,
                    hint: runbook.id, group: .runbooks, contexts: contexts))
        }
        let position = (bindings.lastIndex { $0.group == .console }).map { $0 + 1 } ?? bindings.endIndex
        bindings.insert(contentsOf: added, at: position)
        return (Keymap(bindings: bindings), skipped)
    }

    /// This key map with each runbook whose id is in `reasons` disabled for that reason (the selected row's).
    public func disablingRunbooks(_ reasons: [String: String]) -> Keymap {
        var bindings = self.bindings
        for index in bindings.indices where bindings[index].disabledReason == nil {
            if case .runbook(let id) = bindings[index].action, let reason = reasons[id] {
                bindings[index].disabledReason = reason
            }
        }
        return Keymap(bindings: bindings)
    }
}
