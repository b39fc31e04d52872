import ClusterModel

/// What an action records, in order, as it runs: the journal's entries for one runbook action.
public enum ActionEvent: Sendable, Hashable {
    /// A request is about to be sent (body redacted).
    case intent(ActionIntent)
    /// Its answer: the HTTP status (nil without one) and the server's message.
    case result(step: String, status: Int?, message: String, isRollback: Bool)
    case verified(VerificationOutcome)
    case finished(RunbookResult)
}

/// A request about to be sent, and (on the first one after a confirmation) what the engineer confirmed.
public struct ActionIntent: Sendable, Hashable {
    public var step: String
    /// The write with its body redacted: what the journal keeps, and what a re-check sends again as a dry run.
    public var request: KubeWrite
    public var isRollback: Bool
    public var confirmed: Confirmation?

    /// The intent of sending `write` (its body redacted).
    public init(step: String, write: KubeWrite, isRollback: Bool, confirmed: Confirmation? = nil) {
        var request = write
        request.body = write.body.map(Redaction.redacted)
        self.step = step
        self.request = request
        self.isRollback = isRollback
        self.confirmed = confirmed
    }

    public var method: String { request.method.rawValue }
    /// The path with its query.
    public var path: String { request.path(dryRun: false) }
    /// Redacted.
    public var body: JSONValue? { request.body }
}

/// The preview the engineer accepted and what they answered (`y`, or the name they typed).
public struct Confirmation: Sendable, Hashable {
    public var preview: RunbookPreview
    public var answer: String

    public init(preview: RunbookPreview, answer: String) {
        self.preview = preview
        self.answer = answer
    }
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
        /// Nothing to do: the object was already as asked (`already cordoned`).
        case unchanged
        /// Stopped by the engineer part way (a cancelled drain): what was done stays done.
        case cancelled
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
    public var isSuccess: Bool { [.dryRun, .applied, .verified, .unchanged].contains(status) }

    public var description: String { "\(status.rawValue): \(message)" }
}
