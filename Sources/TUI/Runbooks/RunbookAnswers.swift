/// Answers from the panel to the engines waiting for them, by action; an answer that arrives before the question
/// (Esc while the dry run still runs) is kept for it.
actor RunbookAnswers {
    private var waiting: [Int: CheckedContinuation<RunbookAnswer, Never>] = [:]
    private var early: [Int: RunbookAnswer] = [:]

    func wait(for action: Int) async -> RunbookAnswer {
        if let answer = early.removeValue(forKey: action) { return answer }
        return await withCheckedContinuation { waiting[action] = $0 }
    }

    func answer(_ action: Int, _ answer: RunbookAnswer) {
        if let continuation = waiting.removeValue(forKey: action) {
            continuation.resume(returning: answer)
        } else {
            early[action] = answer
        }
    }

    /// Whether the engine of `action` waits for an answer now.
    func isWaiting(for action: Int) -> Bool { waiting[action] != nil }

    /// The action ended: an answer it never asked for is dropped.
    func finish(_ action: Int) {
        early[action] = nil
    }
}
