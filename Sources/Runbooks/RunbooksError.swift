import ClusterModel

/// Why a runbook could not be loaded, planned or run. The description is the one line the user sees.
public enum RunbooksError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A runbook file has problems (each with file, line and column).
    case invalidRunbook([RunbookProblem])
    case unreadableFile(path: String, reason: String)
    case unknownRunbook(String, suggestion: String?)
    /// `--target` is not `KIND/NAMESPACE/NAME` (or `node/NAME`).
    case invalidTarget(String)
    case targetNotAccepted(runbook: String, kind: TargetKind, accepted: [TargetKind])
    case targetNotFound(String)
    case noSuchContainer(String, object: String, available: [String])
    case unknownParameter(String, runbook: String, suggestion: String?)
    case missingParameter(String)
    case invalidValue(String, type: ParameterType, problem: String)
    case invalidTemplate(String, problem: String)
    case unknownVariable(String)
    /// The variable exists but has no value for this selection.
    case unavailableVariable(String, String)
    case aboveCap(parameter: String, value: String, cap: String, capSource: String)
    case belowMinimum(parameter: String, value: String, minimum: String)
    case notAllowed(parameter: String, value: String, allowed: [String])
    /// A precondition does not hold; `otherwise` names a runbook that may fit.
    case preconditionFailed(String, otherwise: String?)
    /// The console or this command is read-only.
    case readOnly(String)
    /// The server says these credentials may not do what the plan needs.
    case forbidden([AccessDecision])
    /// Another disruptive runbook is running on the same target in this process.
    case targetBusy(String, runbook: String)
    /// A request failed.
    case request(String, KubeClientError)
    case noActionRecord(String)
    case nothingToRollBack(String, reason: String)

    public var description: String {
        switch self {
        case .invalidRunbook(let problems):
            guard let first = problems.first else { return "Invalid runbook" }
            return "Invalid runbook \(first)" + (problems.count > 1 ? " (and \(problems.count - 1) more)" : "")
        case .unreadableFile(let path, let reason): return "Cannot read \(path): \(reason)"
        case .unknownRunbook(let id, let suggestion):
            return "Unknown runbook '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .invalidTarget(let text):
            return
                "Invalid target '\(text)': expected KIND/NAMESPACE/NAME (e.g. pod/kube-system/coredns-5d78c9869d-x2x7k) "
                + "or node/NAME"
        case .targetNotAccepted(let runbook, let kind, let accepted):
            return "Runbook '\(runbook)' does not apply to a \(kind.rawValue); it targets "
                + accepted.map(\.rawValue).joined(separator: ", ")
        case .targetNotFound(let target): return "\(target) not found"
        case .noSuchContainer(let container, let object, let available):
            return "\(object) has no container '\(container)' (containers: \(available.joined(separator: ", ")))"
        case .unknownParameter(let name, let runbook, let suggestion):
            return "Runbook '\(runbook)' has no parameter '\(name)'"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .missingParameter(let name): return "Parameter '\(name)' has no default: set it with --set \(name)=VALUE"
        case .invalidValue(let text, let type, let problem):
            return "Invalid \(type.rawValue) '\(text)': \(problem)"
        case .invalidTemplate(let text, let problem): return "Invalid template '\(text)': \(problem)"
        case .unknownVariable(let name): return "Unknown template variable '\(name)'"
        case .unavailableVariable(let name, let reason): return "\(name) is not available: \(reason)"
        case .aboveCap(let parameter, let value, let cap, let source):
            return "\(parameter) \(value) is above its cap \(cap) (\(source))"
        case .belowMinimum(let parameter, let value, let minimum):
            return "\(parameter) \(value) is below its minimum \(minimum)"
        case .notAllowed(let parameter, let value, let allowed):
            return "\(parameter) '\(value)' is not one of \(allowed.joined(separator: ", "))"
        case .preconditionFailed(let message, let otherwise):
            return message + (otherwise.map { "; try the runbook '\($0)'" } ?? "")
        case .readOnly(let reason): return "Refused: \(reason)"
        case .forbidden(let decisions):
            let denied = decisions.map { "may not \($0.attributes)" + ($0.reason.isEmpty ? "" : " (\($0.reason))") }
            return "Forbidden: these credentials " + denied.joined(separator: "; ")
        case .targetBusy(let target, let runbook):
            return "\(target) is busy: the disruptive runbook '\(runbook)' is running on it"
        case .request(let what, let error): return "\(what): \(error)"
        case .noActionRecord(let id): return "No recorded action '\(id)'"
        case .nothingToRollBack(let id, let reason): return "Action \(id) cannot be rolled back: \(reason)"
        }
    }
}
