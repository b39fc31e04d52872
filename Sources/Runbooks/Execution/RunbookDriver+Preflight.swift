import ClusterModel

extension RunbookDriver {
    /// Whether `runbook` could run on `target` now: it plans (reading the objects) and asks the server, with
    /// SelfSubjectAccessReviews, for every verb the plan uses; no dry run, nothing sent that changes anything.
    /// For a console to disable a key with the reason before anything is asked.
    public func preflight(_ runbook: Runbook, target: RunbookTarget, settings: [String: String] = [:]) async
        -> RunbookAvailability
    {
        let plan: RunbookPlan
        do {
            plan = try await makePlan(runbook, target: target, settings: settings)
        } catch {
            return .unavailable(error.description)
        }
        if options.isReadOnly, plan.risk != .readOnly { return .unavailable("console is read-only") }
        switch await checkAccess(plan.accessChecks) {
        case .accessChecked(let decisions):
            let denied = decisions.filter { !$0.allowed }
            return denied.isEmpty ? .available : .unavailable(RunbooksError.forbidden(denied).description)
        case .accessCheckFailed(let message):
            return .unavailable("cannot check permissions: \(message)")
        default:
            return .unavailable("cannot check permissions")
        }
    }
}
