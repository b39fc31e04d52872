/// A `:` command.
public enum ConsoleCommand: Hashable, Sendable {
    /// `:ns NAME` or `:ns all` (nil).
    case namespace(String?)
    /// `:ctx NAME`.
    case context(String)
    /// `:pods`, `:nodes`, `:signals` (and the other pane names).
    case showPane(PaneID)
    /// `:runbook NAME`: run any runbook on the selected row.
    case runbook(String)
    /// `:recheck`: ask the cluster whether requests whose answer was never recorded took effect.
    case recheck
    /// `:q`.
    case quit

    /// Parses the text typed after `:`.
    public static func parse(_ input: String) throws(TUIError) -> ConsoleCommand {
        let words = input.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first else { throw .unknownCommand("") }
        let argument = words.dropFirst().first
        switch name {
        case "ns", "namespace":
            guard let argument else { throw .missingArgument(command: name, usage: ":ns NAME|all") }
            return .namespace(argument == "all" ? nil : argument)
        case "ctx", "context":
            guard let argument else { throw .missingArgument(command: name, usage: ":ctx NAME") }
            return .context(argument)
        case "runbook", "rb":
            guard let argument else { throw .missingArgument(command: name, usage: ":runbook NAME") }
            return .runbook(argument)
        case "recheck":
            return .recheck
        case "q", "quit":
            return .quit
        default:
            guard let pane = PaneID.allCases.first(where: { $0.commandNames.contains(name) }) else {
                throw .unknownCommand(name)
            }
            return .showPane(pane)
        }
    }
}

extension PaneID {
    /// The `:` commands that show this pane.
    var commandNames: [String] {
        let plural = title.lowercased()
        return plural.hasSuffix("s") ? [plural, String(plural.dropLast())] : [plural]
    }
}
