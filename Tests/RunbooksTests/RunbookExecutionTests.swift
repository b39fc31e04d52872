import ClusterModel
import Foundation
import Runbooks
import Testing

/// The executor's transitions, driven by scripted inputs: no client, no store.
@Suite("Runbook execution state machine")
struct RunbookExecutionTests {
    typealias Action = RunbookExecution.Action

    static func plan(limit: String = "170Mi") throws -> RunbookPlan {
        try RunbookPlanner.plan(
            try SampleWorkloads.builtIn("raise-memory-limit"), SampleWorkloads.podInput(limits: ["memory": limit]))
    }

    static let allowed = [
        AccessDecision(
            attributes: AccessAttributes(
                verb: "patch", group: "apps", resource: "deployments", namespace: "kube-system", name: "coredns"),
            allowed: true)
    ]

    static func patched(memory: String) -> KubeWriteResponse {
        var object = SampleWorkloads.deployment(containers: [
            SampleWorkloads.container("coredns", limits: ["memory": memory])
        ])
        object = object.setting(path: ["metadata", "generation"], .int(5))
        return KubeWriteResponse(status: 200, body: object)
    }

    /// The finish action among `actions`.
    static func result(_ actions: [Action]) -> RunbookResult? {
        for action in actions { if case .finish(let result) = action { return result } }
        return nil
    }

    static func kinds(_ actions: [Action]) -> [String] {
        actions.map { action in
            switch action {
            case .checkAccess: "checkAccess"
            case .dryRun: "dryRun"
            case .confirm: "confirm"
            case .record(let event):
                switch event {
                case .intent(let intent): intent.confirmed == nil ? "record intent" : "record confirmed intent"
                case .result: "record result"
                case .verified: "record verified"
                case .finished: "record finished"
                }
            case .apply: "apply"
            case .scheduleRetry: "scheduleRetry"
            case .replan: "replan"
            case .verify: "verify"
            case .offerRollback: "offerRollback"
            case .rollback: "rollback"
            case .checkGuard: "checkGuard"
            case .drain: "drain"
            case .finish(let result): "finish \(result.status.rawValue)"
            }
        }
    }

    @Test func aConfirmedPlanIsCheckedDryRunAppliedAndVerifiedInOrder() throws {
        let plan = try Self.plan()
        var machine = RunbookExecution(plan: plan)
        #expect(machine.handle(.start) == [.checkAccess(plan.accessChecks)])
        #expect(machine.handle(.accessChecked(Self.allowed)) == [.dryRun(step: 0, plan.steps[0].write)])
        let confirm = machine.handle(.dryRunSucceeded(step: 0, Self.patched(memory: "255Mi")))
        guard case .confirm(let preview)? = confirm.first else {
            Issue.record("expected a confirmation, got \(confirm)")
            return
        }
        #expect(
            preview.changes == [
                [
                    FieldChange(
                        path: "spec.template.spec.containers[coredns].resources.limits.memory", before: "170Mi",
                        after: "255Mi")
                ]
            ])
        let applying = machine.handle(.confirmed(typed: nil))
        #expect(Self.kinds(applying) == ["record confirmed intent", "apply"])
        if case .record(.intent(let intent)) = applying[0] {
            #expect(intent.method == "PATCH" && intent.path.hasSuffix("deployments/coredns?fieldManager=firebreak"))
            #expect(intent.body == plan.steps[0].write.body && !intent.isRollback)
            #expect(intent.confirmed == Confirmation(preview: preview, answer: "y"))
        }
        let verifying = machine.handle(.applySucceeded(step: 0, Self.patched(memory: "255Mi")))
        #expect(Self.kinds(verifying) == ["record result", "verify"])
        #expect(verifying.last == .verify(plan.verification, minimumGeneration: 5))
        let done = machine.handle(.verified(.passed("rollout complete")))
        #expect(Self.kinds(done) == ["record verified", "record finished", "finish verified"])
        #expect(machine.state == .finished)
    }

    @Test func aRefusedPermissionFinishesBeforeAnyConfirmationOrWrite() throws {
        var machine = RunbookExecution(plan: try Self.plan())
        _ = machine.handle(.start)
        var denied = Self.allowed
        denied[0].allowed = false
        let actions = machine.handle(.accessChecked(denied))
        #expect(Self.kinds(actions) == ["finish refused"], "nothing was sent: nothing is recorded")
        #expect(
            Self.result(actions)?.message
                == "Forbidden: these credentials may not patch deployments.apps coredns in kube-system")
    }

    @Test func readOnlyRefusesWithoutAskingTheServer() throws {
        var machine = RunbookExecution(plan: try Self.plan(), options: .init(isReadOnly: true))
        let actions = machine.handle(.start)
        #expect(Self.kinds(actions) == ["finish refused"], "nothing was sent: nothing is recorded")
        #expect(Self.result(actions)?.message == "read-only: 'raise-memory-limit' would change the cluster")
    }

    @Test func aDryRunOnlyStopsAtThePreview() throws {
        var machine = RunbookExecution(plan: try Self.plan(), options: .init(isDryRunOnly: true))
        _ = machine.handle(.start)
        _ = machine.handle(.accessChecked(Self.allowed))
        let actions = machine.handle(.dryRunSucceeded(step: 0, Self.patched(memory: "255Mi")))
        #expect(Self.kinds(actions) == ["finish dry-run"])
        #expect(Self.result(actions)?.preview?.changes.first?.count == 1)
    }

    @Test func aConflictReplansAndAppliesWithoutAskingWhenThePlanIsUnchanged() throws {
        let plan = try Self.plan()
        var machine = RunbookExecution(plan: plan)
        _ = machine.handle(.start)
        _ = machine.handle(.accessChecked(Self.allowed))
        _ = machine.handle(.dryRunSucceeded(step: 0, Self.patched(memory: "255Mi")))
        _ = machine.handle(.confirmed(typed: nil))
        let conflict = machine.handle(.applyFailed(step: 0, .conflict("Conflict: the object has been modified")))
        #expect(Self.kinds(conflict) == ["record result", "replan"])
        var fresh = plan
        fresh.snapshot = fresh.snapshot.setting(path: ["metadata", "resourceVersion"], "124")
        #expect(Self.kinds(machine.handle(.replanned(fresh))) == ["dryRun"])
        let again = machine.handle(.dryRunSucceeded(step: 0, Self.patched(memory: "255Mi")))
        #expect(Self.kinds(again) == ["record intent", "apply"])
    }

    @Test func aConflictWhoseReplanChangesThePlanAsksAgain() throws {
        var machine = RunbookExecution(plan: try Self.plan())
        _ = machine.handle(.start)
        _ = machine.handle(.accessChecked(Self.allowed))
        _ = machine.handle(.dryRunSucceeded(step: 0, Self.patched(memory: "255Mi")))
        _ = machine.handle(.confirmed(typed: nil))
        _ = machine.handle(.applyFailed(step: 0, .conflict("Conflict")))
        let changed = try Self.plan(limit: "200Mi")
        _ = machine.handle(.replanned(changed))
        let again = machine.handle(.dryRunSucceeded(step: 0, Self.patched(memory: "300Mi")))
        #expect(Self.kinds(again) == ["confirm"])
        #expect(machine.plan.steps[0].expected == ["containers[coredns] limits.memory: 200Mi → 300Mi"])
    }

    @Test func conflictsThatKeepComingStopAfterTheLimit() throws {
        let plan = try Self.plan()
        var machine = RunbookExecution(plan: plan, options: .init(maximumReplans: 1))
        _ = machine.handle(.start)
        _ = machine.handle(.accessChecked(Self.allowed))
        _ = machine.handle(.dryRunFailed(step: 0, .conflict("Conflict")))
        _ = machine.handle(.replanned(plan))
        let actions = machine.handle(.dryRunFailed(step: 0, .conflict("Conflict")))
        #expect(Self.kinds(actions) == ["finish refused"], "nothing was sent: nothing is recorded")
    }

    @Test func aTransientFailureIsRetriedAfterABackOff() throws {
        var machine = RunbookExecution(plan: try Self.plan())
        _ = machine.handle(.start)
        _ = machine.handle(.accessChecked(Self.allowed))
        _ = machine.handle(.dryRunSucceeded(step: 0, Self.patched(memory: "255Mi")))
        _ = machine.handle(.confirmed(typed: nil))
        let failed = machine.handle(.applyFailed(step: 0, .transient("connection refused")))
        #expect(failed.last == .scheduleRetry(after: .seconds(1)))
        #expect(Self.kinds(machine.handle(.retryTimerFired)) == ["record intent", "apply"])
        _ = machine.handle(.applyFailed(step: 0, .transient("connection refused")))
        _ = machine.handle(.retryTimerFired)
        let gaveUp = machine.handle(.applyFailed(step: 0, .transient("connection refused")))
        #expect(Self.kinds(gaveUp) == ["record result", "record finished", "finish failed"])
    }

    @Test func aFailedVerificationOffersTheRollbackAndRestoresTheSnapshot() throws {
        let plan = try Self.plan()
        var machine = RunbookExecution(plan: plan)
        _ = machine.handle(.start)
        _ = machine.handle(.accessChecked(Self.allowed))
        _ = machine.handle(.dryRunSucceeded(step: 0, Self.patched(memory: "255Mi")))
        _ = machine.handle(.confirmed(typed: nil))
        _ = machine.handle(.applySucceeded(step: 0, Self.patched(memory: "255Mi")))
        let failure = VerificationOutcome.failed("container coredns of new pod x was OOM-killed")
        #expect(Self.kinds(machine.handle(.verified(failure))) == ["record verified", "offerRollback"])
        let rollback = machine.handle(.rollbackAccepted)
        #expect(Self.kinds(rollback) == ["record intent", "rollback"])
        #expect(rollback.last == .rollback(step: 0, plan.rollback[0]))
        let done = machine.handle(.rollbackSucceeded(step: 0, Self.patched(memory: "170Mi")))
        #expect(Self.kinds(done) == ["record result", "record finished", "finish rolled-back"])
    }

    @Test func aDisruptiveRunbookNeedsTheObjectsNameTyped() throws {
        let containers = [SampleWorkloads.container("coredns", limits: ["memory": "170Mi"])]
        var input = SampleWorkloads.podInput(limits: ["memory": "170Mi"])
        input.objects[input.target.object] = SampleWorkloads.pod("coredns-abc-1", containers: containers).1
        let plan = try RunbookPlanner.plan(try SampleWorkloads.builtIn("delete-pod"), input)
        #expect(plan.confirmation == .typeName("coredns-abc-1"))
        var machine = RunbookExecution(plan: plan)
        _ = machine.handle(.start)
        _ = machine.handle(.accessChecked([AccessDecision(attributes: plan.accessChecks[0], allowed: true)]))
        _ = machine.handle(.dryRunSucceeded(step: 0, KubeWriteResponse(status: 200, body: plan.snapshot)))
        let wrong = machine.handle(.confirmed(typed: "coredns"))
        #expect(Self.kinds(wrong) == ["finish declined"])
        var again = RunbookExecution(plan: plan)
        _ = again.handle(.start)
        _ = again.handle(.accessChecked([AccessDecision(attributes: plan.accessChecks[0], allowed: true)]))
        _ = again.handle(.dryRunSucceeded(step: 0, KubeWriteResponse(status: 200, body: plan.snapshot)))
        #expect(
            Self.kinds(again.handle(.confirmed(typed: "coredns-abc-1"))) == [
                "record confirmed intent", "apply",
            ])
    }

    @Test(arguments: [
        (
            WriteFailure.notFound("NotFound: the server could not find the requested resource"),
            "does not serve pods/resize"
        ),
        (
            WriteFailure.rejected(
                code: 422,
                message:
                    "Invalid: Pod \"x\" is invalid: spec: Forbidden: Pod running on node without support for resize"),
            "cannot be resized in place"
        ),
    ])
    func anUnsupportedResizeSaysSoAndNamesTheOtherRunbook(_ failure: WriteFailure, _ phrase: String) throws {
        var input = SampleWorkloads.podInput(limits: ["memory": "170Mi"])
        input.target = RunbookTarget(kind: .pod, namespace: "kube-system", name: "coredns-abc-1")
        let plan = try RunbookPlanner.plan(try SampleWorkloads.builtIn("resize-pod-memory"), input)
        #expect(plan.steps[0].write.path(dryRun: false).hasSuffix("/pods/coredns-abc-1/resize?fieldManager=firebreak"))
        var machine = RunbookExecution(plan: plan)
        _ = machine.handle(.start)
        _ = machine.handle(.accessChecked([AccessDecision(attributes: plan.accessChecks[0], allowed: true)]))
        let actions = machine.handle(.dryRunFailed(step: 0, failure))
        let message = Self.result(actions)?.message ?? ""
        #expect(message.contains(phrase) && message.contains("'raise-memory-limit'"), "\(message)")
    }
}
