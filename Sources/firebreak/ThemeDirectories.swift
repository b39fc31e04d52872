import Foundation

/// Where theme files are looked for, first match wins.
enum ThemeDirectories {
    static func candidates(environment: [String: String]) -> [String] {
        var directories: [String] = []
        if let path = environment["FIREBREAK_THEMES"], !path.isEmpty { directories.append(path) }
        if let home = environment["HOME"] { directories.append(home + "/.config/firebreak/themes") }
        directories.append(FileManager.default.currentDirectoryPath + "/themes")
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        directories.append(executable.appendingPathComponent("../share/firebreak/themes").standardized.path)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        directories.append(source.appendingPathComponent("themes").path)
        return directories
    }
}
