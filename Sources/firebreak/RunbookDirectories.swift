import Foundation
import Runbooks

/// Where runbook files are: the built-in folder (first found) and the user's folder, whose files override
/// built-ins with the same id.
enum RunbookDirectories {
    /// Candidates for the built-in `runbooks/` folder, first match wins.
    static func builtInCandidates(environment: [String: String]) -> [String] {
        var directories: [String] = []
        if let path = environment["FIREBREAK_RUNBOOKS"], !path.isEmpty { directories.append(path) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        directories.append(executable.appendingPathComponent("../share/firebreak/runbooks").standardized.path)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        directories.append(source.appendingPathComponent("runbooks").path)
        directories.append(FileManager.default.currentDirectoryPath + "/runbooks")
        return directories
    }

    /// The built-in folder, if any candidate exists.
    static func builtIn(environment: [String: String]) -> String? {
        builtInCandidates(environment: environment).first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// `$XDG_CONFIG_HOME/firebreak/runbooks`, else `~/.config/firebreak/runbooks`.
    static func user(environment: [String: String]) -> String {
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return (config as NSString).appendingPathComponent("firebreak/runbooks")
    }

    /// The built-in folder then the user's.
    static func all(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        [builtIn(environment: environment), user(environment: environment)].compactMap { $0 }
    }

    static func catalog(environment: [String: String] = ProcessInfo.processInfo.environment) -> RunbookCatalog {
        RunbookCatalog.load(directories: all(environment: environment))
    }
}
