import ArgumentParser
import Foundation
import Runbooks
import Timeline

/// `firebreak runbook …`: validate, list, run and roll back runbooks.
struct RunbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbook",
        abstract: "Validate, list, run and roll back runbooks.",
        discussion: """
            Built-in runbooks come from the runbooks/ folder; files in $XDG_CONFIG_HOME/firebreak/runbooks \
            (default ~/.config/firebreak/runbooks) override them by id.
            """,
        subcommands: [
            RunbookValidateCommand.self, RunbookListCommand.self, RunbookRunCommand.self,
            RunbookRollbackCommand.self, RunbookUnfinishedCommand.self, RunbookRecheckCommand.self,
        ]
    )
}

/// `firebreak runbook validate [PATH…]`.
struct RunbookValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check runbook files; print every problem as file:line:column: message.",
        discussion: "Without paths, checks the built-in and user runbooks. A path may be a file or a folder."
    )

    @Argument(help: "Runbook files or folders.")
    var paths: [String] = []

    func run() throws {
        let (problems, count) = Self.check(paths)
        for problem in problems { print(problem) }
        if problems.isEmpty {
            print("\(count) runbook\(count == 1 ? "" : "s") valid")
            return
        }
        FileHandle.standardError.write(
            Data("\(problems.count) problem\(problems.count == 1 ? "" : "s") found\n".utf8))
        throw ExitCode(1)
    }

    /// The problems in `paths` (the built-ins and user files when empty) and how many files were read.
    static func check(_ paths: [String]) -> (problems: [RunbookProblem], files: Int) {
        guard !paths.isEmpty else {
            let directories = RunbookDirectories.all()
            let catalog = RunbookCatalog.load(directories: directories)
            return (catalog.problems, directories.flatMap(RunbookFiles.yamlFiles(in:)).count)
        }
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                files += RunbookFiles.yamlFiles(in: path)
            } else {
                files.append(path)
            }
        }
        // The built-ins give context (a user file's `otherwise` may name one) but are not reported.
        let builtIn = RunbookDirectories.builtIn(environment: ProcessInfo.processInfo.environment)
        var catalog = RunbookCatalog.load(directories: builtIn.map { [$0] } ?? [])
        let builtInProblems = Set(catalog.problems)
        for file in files { catalog.add(RunbookFiles.load(file)) }
        return (catalog.problems.filter { !builtInProblems.contains($0) }, files.count)
    }
}

/// `firebreak runbook list`.
struct RunbookListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the runbooks with their key, risk, targets and source file.")

    func run() throws {
        let catalog = RunbookDirectories.catalog()
        var rows = [["ID", "KEY", "RISK", "TARGETS", "TITLE", "SOURCE"]]
        for runbook in catalog.runbooks {
            let overridden = catalog.overridden[runbook.id].map { " (overrides \($0.joined(separator: ", ")))" } ?? ""
            rows.append([
                runbook.id, runbook.key ?? "-", runbook.risk.rawValue,
                runbook.targets.map(\.rawValue).joined(separator: ","), runbook.title, runbook.source + overridden,
            ])
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let padded = (0..<5).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
            print((padded + [row[5]]).joined(separator: "  "))
        }
        for problem in catalog.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
    }
}

/// `firebreak runbook unfinished`: requests whose result the journal does not know.
struct RunbookUnfinishedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unfinished",
        abstract: "List runbook requests sent without a recorded answer (the process stopped): result unknown.",
        discussion: "Without --incident, looks through every incident in the journal. Exits 0 either way.",
        aliases: ["list-unfinished"])

    @OptionGroup var journalOptions: JournalOptions

    func run() async throws {
        try await reportingErrors {
            let journal = try journalOptions.journal()
            let incident = try await journalOptions.named(in: journal)
            let actions = try await UnfinishedAction.find(in: journal, incident: incident)
            for action in actions { printLine(action.description) }
            if actions.isEmpty { printLine("no request without a recorded result") }
        }
    }
}
