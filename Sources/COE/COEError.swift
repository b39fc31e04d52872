/// What the COE export can refuse or fail at; `description` is the line the user sees.
public enum COEError: Error, Equatable, CustomStringConvertible {
    /// `--redact` named something the export does not know.
    case unknownRedaction(String)
    /// `--format` named something the export does not write.
    case unknownFormat(String)
    /// A file could not be written.
    case write(path: String, reason: String)
    /// The editor exited with a failure; nothing was saved.
    case editorFailed(command: String, status: Int32)

    public var description: String {
        switch self {
        case .unknownRedaction(let name):
            "--redact: unknown kind '\(name)' (one of: \(ExportRedaction.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .unknownFormat(let name): "--format: unknown format '\(name)' (one of: md, json, html)"
        case .write(let path, let reason): "Cannot write \(path): \(reason)"
        case .editorFailed(let command, let status):
            "The editor '\(command)' exited with status \(status); the section was not changed"
        }
    }
}
