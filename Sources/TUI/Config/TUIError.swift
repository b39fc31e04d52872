/// Errors of the console; each description is the one line the user sees.
public enum TUIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A theme or key file has a problem at `line` (1-based).
    case invalidConfig(file: String, line: Int, problem: ConfigProblem)
    /// A file could not be read.
    case unreadableFile(file: String, reason: String)
    /// No theme of that name is bundled or installed.
    case unknownTheme(name: String, available: [String])
    /// A key is bound to an action that cannot run here.
    case keyDisabled(key: Key, reason: String)
    /// The terminal could not be set up.
    case terminalUnavailable(reason: String)
    /// A `:` command that does not exist.
    case unknownCommand(String)
    /// A `:` command missing its argument.
    case missingArgument(command: String, usage: String)

    public var description: String {
        switch self {
        case .invalidConfig(let file, let line, let problem):
            "\(file):\(line): \(problem)"
        case .unreadableFile(let file, let reason):
            "Cannot read '\(file)': \(reason)"
        case .unknownTheme(let name, let available):
            "Unknown theme '\(name)' (available: \(available.joined(separator: ", ")))"
        case .keyDisabled(let key, let reason):
            "Key '\(key)' is disabled: \(reason)"
        case .terminalUnavailable(let reason):
            "Cannot start the terminal console: \(reason)"
        case .unknownCommand(let name):
            name.isEmpty
                ? "Type a command after ':' (:ns, :ctx, :runbook, :pods, :nodes, :signals, :q)"
                : "Unknown command '\(name)'"
        case .missingArgument(let command, let usage):
            "Command ':\(command)' needs an argument: \(usage)"
        }
    }
}

/// What is wrong at one place in a theme or key file.
public enum ConfigProblem: Hashable, Sendable, CustomStringConvertible {
    case invalidYAML(String)
    case expectedMapping(key: String?)
    case unknownRole(String)
    case unknownField(String, key: String)
    case unknownColour(String, key: String)
    case unknownAttribute(String, key: String)
    case unknownAction(String)
    case unknownKeyName(String, key: String)
    case keyBoundTwice(String, first: String, second: String)

    public var description: String {
        switch self {
        case .invalidYAML(let reason):
            "invalid YAML: \(reason)"
        case .expectedMapping(let key):
            key.map { "expected a mapping for key '\($0)'" } ?? "expected a mapping at the top level"
        case .unknownRole(let role):
            "unknown role '\(role)'"
        case .unknownField(let field, let key):
            "unknown field '\(field)' for key '\(key)'"
        case .unknownColour(let colour, let key):
            "unknown colour '\(colour)' for key '\(key)'"
        case .unknownAttribute(let attribute, let key):
            "unknown attribute '\(attribute)' for key '\(key)'"
        case .unknownAction(let action):
            "unknown action '\(action)'"
        case .unknownKeyName(let name, let key):
            "unknown key '\(name)' for key '\(key)'"
        case .keyBoundTwice(let name, let first, let second):
            "key '\(name)' is bound to both '\(first)' and '\(second)'"
        }
    }
}
