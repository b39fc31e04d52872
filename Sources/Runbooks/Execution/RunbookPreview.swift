import ClusterModel

/// What the engineer confirms: the plan, the server's dry-run diff of every step, and the blast radius.
public struct RunbookPreview: Sendable, Hashable {
    public var plan: RunbookPlan
    /// For each step, the fields the server's dry run says would change.
    public var changes: [[FieldChange]]
    /// What the dry run said besides a diff (an accepted eviction, a deletion).
    public var notes: [String]

    public init(plan: RunbookPlan, changes: [[FieldChange]], notes: [String] = []) {
        self.plan = plan
        self.changes = changes
        self.notes = notes
    }

    /// Builds the preview from the dry-run answers (nil for a step not dry-run).
    static func make(plan: RunbookPlan, responses: [KubeWriteResponse?]) -> RunbookPreview {
        var changes: [[FieldChange]] = []
        var notes: [String] = []
        for (step, response) in zip(plan.steps, responses) {
            guard let body = response?.body else {
                changes.append([])
                continue
            }
            if body["kind"]?.stringValue == "Status" {
                changes.append([])
                notes.append("\(step.name): the server would accept it (\(body["status"]?.stringValue ?? "Success"))")
            } else {
                changes.append(ObjectDiff.changes(from: step.before, to: body))
            }
            if step.write.method == .delete {
                let grace = step.write.query.first { $0.name == "gracePeriodSeconds" }.map {
                    " (grace period \($0.value)s)"
                }
                notes.append("\(step.name): the server accepts deleting \(step.write.name)" + (grace ?? ""))
            }
        }
        return RunbookPreview(plan: plan, changes: changes, notes: notes)
    }

    /// Whether two previews would change the same fields the same way (a re-plan that needs no new confirmation).
    func changesTheSame(as other: RunbookPreview) -> Bool {
        changes == other.changes && plan.steps.map(\.expected) == other.plan.steps.map(\.expected)
    }
}
