import ClusterModel

extension RunbookDriver {
    /// Restores the snapshot of an earlier action from its record (after a restart too): checks permissions, asks,
    /// then sends the recorded inverse writes, recording each under the same action id.
    public func rollback(actionID: String) async -> Run {
        let records: [ActionRecord]
        do {
            records = try await recorder.records(of: actionID)
        } catch {
            return Run(actionID: actionID, result: RunbookResult(.refused, "\(error)"))
        }
        func refuse(_ reason: String) -> Run {
            Run(
                actionID: actionID,
                result: RunbookResult(.refused, RunbooksError.nothingToRollBack(actionID, reason: reason).description))
        }
        // The latest confirmation wins: a re-plan that changed the diff was confirmed again on a fresh snapshot.
        guard let confirmed = records.last(where: { $0.kind == .intent && $0.confirmation != nil }) else {
            return refuse("it was never confirmed, so nothing was changed")
        }
        guard let writes = confirmed.rollback, !writes.isEmpty else {
            return refuse(confirmed.rollbackUnavailable ?? "it recorded no rollback")
        }
        let applied = records.contains { $0.isSuccess && !$0.isRollback }
        guard applied else { return refuse("none of its requests was applied") }
        let restored = records.filter { $0.isSuccess && $0.isRollback }
        guard restored.count < writes.count else { return refuse("it was rolled back already") }
        if options.isReadOnly { return refuse("read-only") }
        guard case .accessChecked(let decisions) = await checkAccess(writes.map(AccessAttributes.init)) else {
            return Run(actionID: actionID, result: RunbookResult(.refused, "cannot check permissions"))
        }
        conversation.report(.accessChecked(decisions))
        let denied = decisions.filter { !$0.allowed }
        if !denied.isEmpty {
            return Run(actionID: actionID, result: RunbookResult(.refused, RunbooksError.forbidden(denied).description))
        }
        let reason = "roll back action \(actionID) (\(confirmed.runbook) on \(confirmed.target))"
        guard await conversation.offerRollback(reason, writes: writes) else {
            return Run(actionID: actionID, result: RunbookResult(.declined, "declined: nothing changed"))
        }
        var sequence = records.map(\.sequence).max() ?? 0
        func entry(_ kind: ActionRecord.Kind, _ step: String) -> ActionRecord {
            sequence += 1
            var record = ActionRecord(
                actionID: actionID, sequence: sequence, time: clock(), runbook: confirmed.runbook,
                target: confirmed.target, kind: kind, step: step, isRollback: true)
            record.message = kind == .finished ? "rolled back on request" : nil
            return record
        }
        for (index, write) in writes.enumerated() {
            let step = "rollback \(index + 1)"
            var intent = entry(.intent, step)
            intent.adopt(ActionIntent(step: step, write: write, isRollback: true))
            do {
                try await recorder.record(intent)
            } catch {
                return Run(actionID: actionID, result: RunbookResult(.failed, "cannot record the rollback: \(error)"))
            }
            conversation.report(.applying(step: step, attempt: 1))
            let answer = await send(write, dryRun: false, timeout: 30)
            var result = entry(.result, step)
            switch answer {
            case .success(let response):
                result.status = response.status
                result.message = "restored"
                try? await recorder.record(result)
                conversation.report(.applied(step: step, status: response.status))
            case .failure(let failure):
                result.status = failure.status
                result.message = failure.description
                try? await recorder.record(result)
                return Run(actionID: actionID, result: RunbookResult(.failed, "\(step) failed: \(failure)"))
            }
        }
        try? await recorder.record(entry(.finished, "rollback"))
        let object = confirmed.subject?.description ?? confirmed.target.description
        return Run(
            actionID: actionID,
            result: RunbookResult(.rolledBack, "\(object) is back as it was before action \(actionID)"))
    }
}
