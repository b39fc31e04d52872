import ClusterModel

/// What an action records, in order, as it runs: the journal's entries for one runbook action.
public enum ActionEvent: Sendable, Hashable {
    /// The engineer confirmed this preview.
    case confirmed(RunbookPreview, answer: String)
    /// A request is about to be sent (body redacted).
    case intent(step: String, method: String, path: String, body: JSONValue?, isRollback: Bool)
    /// Its answer: the HTTP status (nil without one) and the server's message.
    case result(step: String, status: Int?, message: String, isRollback: Bool)
    case verified(VerificationOutcome)
    case finished(RunbookResult)
}

/// How a runbook run ended.
public struct RunbookResult: Sendable, Hashable, CustomStringConvertible {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Refused before anything was asked: read-only, forbidden, a dry run the server refused.
        case refused
        /// `--dry-run`: the preview was shown, nothing changed.
        case dryRun = "dry-run"
        /// The engineer said no.
        case declined
        /// Applied without verification (`--no-wait`).
        case applied
        /// Applied and verified.
        case verified
        /// A write failed.
        case failed
        /// Applied, but verification failed and nothing was rolled back.
        case verificationFailed = "verification-failed"
        /// Verification failed and the snapshot was restored.
        case rolledBack = "rolled-back"
    }

    public var status: Status
    public var message: String
    public var preview: RunbookPreview?
    public var verification: VerificationOutcome?

    public init(
        _ status: Status, _ message: String, preview: RunbookPreview? = nil, verification: VerificationOutcome? = nil
    ) {
        self.status = status
        self.message = message
        self.preview = preview
        self.verification = verification
    }

    /// Whether the run did what was asked (a dry run counts).
    public var isSuccess: Bool { [.dryRun, .applied, .verified].contains(status) }

    public var description: String { "\(status.rawValue): \(message)" }
}
