import Foundation

/// Reads user key overrides (`~/.config/firebreak/keys.yaml`).
///
/// Each entry maps an action name to one key or a list of keys; the listed keys replace
/// the action's defaults:
/// ```yaml
/// moveDown: [j, down, ctrl-n]
/// quit: Q
/// ```
public enum KeymapLoader {
    /// The overrides file: `$XDG_CONFIG_HOME/firebreak/keys.yaml`, else `~/.config/firebreak/keys.yaml`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return "\(config)/firebreak/keys.yaml"
        }
        return environment["HOME"].map { "\($0)/.config/firebreak/keys.yaml" }
    }

    /// `keymap` with the overrides in `yaml` applied; `path` names the file in errors.
    public static func apply(_ yaml: String, path: String, to keymap: Keymap) throws(TUIError) -> Keymap {
        let file = ConfigFile(path: path)
        var result = keymap
        var claimed: [Key: (action: Action, contexts: Set<KeyContext>)] = [:]
        for entry in try ConfigFile.entries(of: yaml, path: path) {
            guard let action = Action(name: entry.key), let binding = keymap.binding(for: action) else {
                throw file.failure(line: entry.line, .unknownAction(entry.key))
            }
            var keys: [Key] = []
            for (name, line) in file.strings(of: entry.value) {
                guard let key = Key(name: name) else {
                    throw file.failure(line: line, .unknownKeyName(name, key: entry.key))
                }
                if let earlier = claimed[key], earlier.action != action,
                    !earlier.contexts.isDisjoint(with: binding.contexts)
                {
                    throw file.failure(
                        line: line, .keyBoundTwice(name, first: earlier.action.name, second: action.name))
                }
                claimed[key] = (action, binding.contexts)
                keys.append(key)
            }
            result = result.rebinding(action, to: keys)
        }
        return result
    }

    /// `keymap` with the overrides file at `path` applied; a missing file changes nothing.
    public static func load(path: String, into keymap: Keymap) throws(TUIError) -> Keymap {
        guard FileManager.default.fileExists(atPath: path) else { return keymap }
        return try apply(ConfigFile.read(path), path: path, to: keymap)
    }
}
