import ClusterModel
import Foundation

/// Re-checks requests whose answer was never recorded against the cluster, reading objects and sending dry runs
/// only, and records every decisive verdict as the request's result.
public struct IntentRechecker: Sendable {
    public var client: KubeClient

    public init(client: KubeClient) {
        self.client = client
    }

    /// What the cluster says about `action` now.
    public func check(_ action: UnfinishedAction) async -> RecheckVerdict {
        switch RecheckPlan(action.write) {
        case .impossible(let reason):
            return .undetermined(reason)
        case .removal(let object, let uid):
            do {
                return .removal(of: object, current: try await read(object), uid: uid)
            } catch {
                return .undetermined("cannot read \(object): \(error)")
            }
        case .compare(let write, let object):
            let current: JSONValue?
            do {
                current = try await read(object)
            } catch {
                return .undetermined("cannot read \(object): \(error)")
            }
            guard let current else { return .undetermined("\(object) is gone") }
            do {
                guard let answer = try await client.perform(write, dryRun: true).body else {
                    return .undetermined("the server's dry run of \(write.summary) answered with no object")
                }
                return .comparing(current, withDryRun: answer, object: object)
            } catch {
                return .undetermined("the server refused the dry run of \(write.summary): \(error)")
            }
        }
    }

    /// Checks each action and records the decisive verdicts through `recorder`, stamped with `clock`'s cluster time
    /// for the action's incident; returns every verdict in order.
    public func recheck(
        _ actions: [UnfinishedAction], recorder: JournalActionRecorder,
        clock: @Sendable (UnfinishedAction) async -> Date
    ) async -> [(action: UnfinishedAction, verdict: RecheckVerdict)] {
        var verdicts: [(action: UnfinishedAction, verdict: RecheckVerdict)] = []
        for action in actions {
            var verdict = await check(action)
            if verdict.isDecisive {
                do {
                    try await recorder.resolve(action, outcome: verdict.description, at: await clock(action))
                } catch {
                    verdict = .undetermined("\(verdict), but recording it failed: \(error)")
                }
            }
            verdicts.append((action, verdict))
        }
        return verdicts
    }

    /// The object, nil when not found.
    private func read(_ object: ObjectRead) async throws(KubeClientError) -> JSONValue? {
        do throws(KubeClientError) {
            return try await client.objectJSON(
                object.resource, namespace: object.namespace, name: object.name, subresource: object.subresource)
        } catch {
            if error.apiError?.isNotFound == true { return nil }
            throw error
        }
    }
}
