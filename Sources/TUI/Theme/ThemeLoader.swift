import Foundation
import Yams

/// Reads and validates theme files (`themes/NAME.yaml`).
///
/// A file maps role names to `fg`, `bg` (colour names) and `attributes` (a name or a list):
/// ```yaml
/// header:
///   fg: black
///   bg: cyan
///   attributes: [bold]
/// ```
public enum ThemeLoader {
    /// Parses theme text; `path` names the file in errors.
    public static func parse(_ yaml: String, name: String, path: String) throws(TUIError) -> Theme {
        let file = ConfigFile(path: path)
        var styles: [Role: RoleStyle] = [:]
        for entry in try ConfigFile.entries(of: yaml, path: path) {
            guard let role = Role(rawValue: entry.key) else {
                throw file.failure(line: entry.line, .unknownRole(entry.key))
            }
            styles[role] = try roleStyle(entry.value, key: entry.key, file: file)
        }
        return Theme(name: name, styles: styles)
    }

    /// Loads `NAME.yaml` from `directory`.
    public static func load(name: String, directory: String) throws(TUIError) -> Theme {
        let path = directory.hasSuffix("/") ? "\(directory)\(name).yaml" : "\(directory)/\(name).yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unknownTheme(name: name, available: available(in: directory))
        }
        return try parse(ConfigFile.read(path), name: name, path: path)
    }

    /// The names of the themes in `directory`, sorted.
    public static func available(in directory: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads a theme, or the built-in default theme with the error that made it fall back.
    public static func loadOrDefault(name: String, directory: String) -> (theme: Theme, error: TUIError?) {
        do {
            return (try load(name: name, directory: directory), nil)
        } catch {
            return (Theme.builtInDefault, error)
        }
    }

    private static func roleStyle(_ node: Yams.Node, key: String, file: ConfigFile) throws(TUIError) -> RoleStyle {
        var style = RoleStyle()
        for field in try file.entries(of: node, key: key) {
            let fieldKey = "\(key).\(field.key)"
            switch field.key {
            case "fg":
                style.foreground = try colour(field.value, key: fieldKey, file: file)
            case "bg":
                style.background = try colour(field.value, key: fieldKey, file: file)
            case "attributes":
                for (name, line) in file.strings(of: field.value) {
                    guard let attribute = TextAttributes.names[name] else {
                        throw file.failure(line: line, .unknownAttribute(name, key: fieldKey))
                    }
                    style.attributes.insert(attribute)
                }
            default:
                throw file.failure(line: field.line, .unknownField(field.key, key: key))
            }
        }
        return style
    }

    private static func colour(_ node: Yams.Node, key: String, file: ConfigFile) throws(TUIError) -> Colour {
        let name = node.string ?? ""
        guard let colour = Colour(rawValue: name) else {
            throw file.failure(at: node, .unknownColour(name, key: key))
        }
        return colour
    }
}
