import ClusterModel
import Foundation

/// Runs runbooks for real: reads the objects, plans, and drives a `RunbookExecution` with a client, the store,
/// the cluster's clock, a recorder and the engineer.
public struct RunbookDriver: Sendable {
    public var client: KubeClient
    public var store: ClusterStore
    /// The cluster's clock (a simulator's in tests and demos).
    public var clock: @Sendable () -> Date
    public var recorder: any ActionRecorder
    public var conversation: any RunbookConversation
    public var locks: TargetLocks
    /// The kubeconfig context, shown with every confirmation.
    public var context: String
    public var options: RunbookExecution.Options

    public init(
        client: KubeClient, store: ClusterStore, clock: @escaping @Sendable () -> Date, recorder: any ActionRecorder,
        conversation: any RunbookConversation, locks: TargetLocks = TargetLocks(), context: String,
        options: RunbookExecution.Options = .init()
    ) {
        self.client = client
        self.store = store
        self.clock = clock
        self.recorder = recorder
        self.conversation = conversation
        self.locks = locks
        self.context = context
        self.options = options
    }

    /// One finished action: its id (nil when refused before planning) and result.
    public struct Run: Sendable {
        public var actionID: String?
        public var result: RunbookResult
    }

    /// Plans and runs `runbook` on `target` with the user's parameter values.
    public func run(_ runbook: Runbook, target: RunbookTarget, settings: [String: String] = [:]) async -> Run {
        let plan: RunbookPlan
        do {
            plan = try await makePlan(runbook, target: target, settings: settings)
        } catch {
            return Run(actionID: nil, result: RunbookResult(.refused, error.description))
        }
        conversation.report(.planned(plan))
        if plan.risk == .disruptive, let holder = await locks.acquire(plan.subject, for: plan.runbook) {
            let busy = RunbooksError.targetBusy(plan.subject.description, runbook: holder)
            return Run(actionID: nil, result: RunbookResult(.refused, busy.description))
        }
        let actionID = ActionID.make(at: clock())
        let result = await execute(plan, runbook: runbook, settings: settings, actionID: actionID)
        if plan.risk == .disruptive { await locks.release(plan.subject) }
        return Run(actionID: actionID, result: result)
    }

    /// Reads what the plan needs and plans (timed).
    func makePlan(_ runbook: Runbook, target: RunbookTarget, settings: [String: String]) async throws(RunbooksError)
        -> RunbookPlan
    {
        let started = ContinuousClock.now
        let snapshot = await store.snapshot()
        let needed = try RunbookPlanner.objectsNeeded(runbook, target: target, snapshot: snapshot)
        let objects = try await read(needed)
        let pods = runbook.steps.contains { $0.kind == .evictPods } ? try await podsOnNode(target.name) : nil
        let read = ContinuousClock.now
        conversation.report(.timed(phase: "read", read - started))
        let plan = try RunbookPlanner.plan(
            runbook,
            PlanningInput(
                target: target, snapshot: snapshot, objects: objects, settings: settings, now: clock(),
                podsOnNode: pods))
        conversation.report(.timed(phase: "plan", ContinuousClock.now - read))
        return plan
    }

    /// The current JSON of each object, fetched concurrently; a missing subresource is left out.
    func read(_ objects: [ObjectRef]) async throws(RunbooksError) -> [ObjectRef: JSONValue] {
        let client = client
        let results = await withTaskGroup(of: (ObjectRef, Result<JSONValue, KubeClientError>).self) { group in
            for object in objects {
                guard let resource = object.resource else { continue }
                group.addTask {
                    do throws(KubeClientError) {
                        let json = try await client.objectJSON(
                            resource, namespace: object.namespace, name: object.name, subresource: object.subresource)
                        return (object, .success(json))
                    } catch {
                        return (object, .failure(error))
                    }
                }
            }
            var collected: [(ObjectRef, Result<JSONValue, KubeClientError>)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        var found: [ObjectRef: JSONValue] = [:]
        for (object, result) in results {
            switch result {
            case .success(let json): found[object] = json
            case .failure(let error) where error.apiError?.isNotFound == true:
                if object.subresource == nil { throw .targetNotFound(object.description) }
            case .failure(let error): throw .request("reading \(object)", error)
            }
        }
        return found
    }

    /// The pods the API lists on `node`, as `kubectl drain` asks for them.
    func podsOnNode(_ node: String) async throws(RunbooksError) -> [JSONValue] {
        let selector = "spec.nodeName=\(node)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let path = "/api/v1/pods?fieldSelector=\(selector)"
        let data: Data
        do throws(KubeClientError) {
            data = try await client.getData(path: path)
        } catch {
            throw .request("listing the pods of node \(node)", error)
        }
        guard let list = try? JSONValue(parsing: data) else {
            throw .targetNotFound("the pods of node \(node) (the list could not be read)")
        }
        return list["items"]?.arrayValue ?? []
    }

    private func execute(_ plan: RunbookPlan, runbook: Runbook, settings: [String: String], actionID: String) async
        -> RunbookResult
    {
        var machine = RunbookExecution(plan: plan, options: options)
        let sequence = ActionSequence()
        var pending = machine.handle(.start)
        var phaseStarted = ContinuousClock.now
        var previewShown = false
        while !pending.isEmpty {
            let action = pending.removeFirst()
            let input: RunbookExecution.Input?
            switch action {
            case .checkAccess(let checks):
                phaseStarted = ContinuousClock.now
                input = await checkAccess(checks)
                if case .accessChecked(let decisions)? = input { conversation.report(.accessChecked(decisions)) }
                conversation.report(.timed(phase: "access", ContinuousClock.now - phaseStarted))
                phaseStarted = ContinuousClock.now
            case .dryRun(let step, let write):
                input = await send(write, dryRun: true, timeout: machine.plan.steps[step].timeout).map(
                    success: { .dryRunSucceeded(step: step, $0) }, failure: { .dryRunFailed(step: step, $0) })
            case .confirm(let preview):
                if !previewShown { conversation.report(.timed(phase: "dry-run", ContinuousClock.now - phaseStarted)) }
                previewShown = true
                conversation.report(.previewed(preview))
                switch await conversation.confirm(preview, context: context) {
                case .accepted(let typed): input = .confirmed(typed: typed)
                case .declined: input = .declined
                }
            case .record(let event):
                let entry = ActionRecord(
                    event, actionID: actionID, sequence: sequence.next(), time: clock(), plan: machine.plan)
                do {
                    try await recorder.record(entry)
                    input = nil
                } catch {
                    if case .finished(let result) = event { return result }
                    return RunbookResult(.failed, "cannot record the action (nothing more was sent): \(error)")
                }
            case .apply(let step, let write):
                let name = machine.plan.steps[step].name
                if case .applying(_, let attempt) = machine.state {
                    conversation.report(.applying(step: name, attempt: attempt))
                }
                input = await send(write, dryRun: false, timeout: machine.plan.steps[step].timeout).map(
                    success: { response in
                        conversation.report(.applied(step: name, status: response.status))
                        return .applySucceeded(step: step, response)
                    }, failure: { .applyFailed(step: step, $0) })
            case .scheduleRetry(let delay):
                conversation.report(.retrying(step: "", after: delay, reason: "the server did not answer"))
                try? await Task.sleep(for: delay)
                input = .retryTimerFired
            case .replan:
                conversation.report(.replanning("the object changed since it was read (409 Conflict)"))
                do {
                    input = .replanned(try await makePlan(runbook, target: plan.target, settings: settings))
                } catch {
                    input = .replanFailed(error.description)
                }
            case .verify(let verification, let generation):
                input = .verified(await verify(verification, minimumGeneration: generation))
            case .offerRollback(let outcome):
                let accepted = await conversation.offerRollback(outcome.description, writes: machine.plan.rollback)
                if accepted { conversation.report(.rollingBack(outcome.description)) }
                input = accepted ? .rollbackAccepted : .rollbackDeclined
            case .checkGuard(let step, let nodeGuard):
                input = .guardChecked(step: step, refusal: nodeGuard.refusal(in: await store.snapshot()))
            case .drain(let step, let drain):
                let recording = DrainRecording(
                    recorder: recorder, actionID: actionID, plan: machine.plan, step: machine.plan.steps[step].name,
                    sequence: sequence, clock: clock)
                input = .drained(step: step, await self.drain(drain, recording: recording))
            case .rollback(let step, let write):
                input = await send(write, dryRun: false, timeout: 30).map(
                    success: { .rollbackSucceeded(step: step, $0) }, failure: { .rollbackFailed(step: step, $0) })
            case .finish(let result):
                if !previewShown, let preview = result.preview {
                    conversation.report(.timed(phase: "dry-run", ContinuousClock.now - phaseStarted))
                    conversation.report(.previewed(preview))
                }
                return result
            }
            if let input { pending += machine.handle(input) }
        }
        return RunbookResult(.failed, "the action stopped without a result")
    }

    func checkAccess(_ checks: [AccessAttributes]) async -> RunbookExecution.Input {
        let client = client
        let answers = await withTaskGroup(of: (Int, Result<AccessDecision, KubeClientError>).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask {
                    do throws(KubeClientError) {
                        return (index, .success(try await client.accessReview(check)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var answers: [(Int, Result<AccessDecision, KubeClientError>)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }
        }
        var decisions: [AccessDecision] = []
        for (_, answer) in answers {
            switch answer {
            case .success(let decision): decisions.append(decision)
            case .failure(let error): return .accessCheckFailed(error.description)
            }
        }
        return .accessChecked(decisions)
    }

    func send(_ write: KubeWrite, dryRun: Bool, timeout: Double) async -> Result<KubeWriteResponse, WriteFailure> {
        let client = client
        return await withTaskGroup(of: Result<KubeWriteResponse, WriteFailure>?.self) { group in
            group.addTask {
                do throws(KubeClientError) {
                    return .success(try await client.perform(write, dryRun: dryRun))
                } catch {
                    return .failure(WriteFailure(error))
                }
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                return Task.isCancelled ? nil : .failure(.transient("no answer within \(DurationText.format(timeout))"))
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(.transient("cancelled"))
        }
    }

    private func verify(_ verification: PlannedVerification, minimumGeneration: Int64?) async -> VerificationOutcome {
        let tracker = VerificationTracker(verification, startedAt: clock(), minimumGeneration: minimumGeneration)
        let conversation = conversation
        let outcome = await store.wait(
            initial: (tracker, ""), until: tracker.deadline.addingTimeInterval(1), clock: clock
        ) { state, snapshot, now in
            if let outcome = state.0.observe(snapshot, now: now) { return outcome }
            if now >= state.0.deadline { return state.0.timedOut }
            if state.0.progress != state.1 {
                state.1 = state.0.progress
                conversation.report(.verifying(state.0.progress))
            }
            return nil
        }
        switch outcome {
        case .satisfied(let result): return result
        case .timedOut: return tracker.timedOut
        case .cancelled: return .failed("verification was cancelled")
        }
    }
}

extension Result {
    /// Maps both sides to one value.
    func map<T>(success: (Success) -> T, failure: (Failure) -> T) -> T {
        switch self {
        case .success(let value): success(value)
        case .failure(let error): failure(error)
        }
    }
}
