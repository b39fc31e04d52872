import ClusterModel
import Foundation

/// What a drain does on one node, decided from the pods the API lists on it (as `kubectl drain` decides): the pods
/// to evict, the ones already terminating (waited for), and the ones left alone with why.
public struct DrainPlan: Sendable, Hashable {
    public struct Eviction: Sendable, Hashable {
        public var pod: ObjectKey
        public var uid: String
        public var write: KubeWrite
    }

    public struct Skipped: Sendable, Hashable {
        public var pod: ObjectKey
        public var reason: String
    }

    public var node: String
    public var evictions: [Eviction]
    /// Pods already being deleted, with when their deletion began: waited for, not evicted again.
    public var terminating: [ObjectKey: Date]
    public var skipped: [Skipped]
    /// Seconds after which a pod whose deletion began counts as gone (kubectl's `--skip-wait-for-delete-timeout`);
    /// 0 waits for every pod.
    public var skipWaitAfter: Double
    /// The whole drain's timeout, in seconds on the cluster's clock.
    public var timeout: Double

    /// Plans the drain of `node` from the pods the API lists on it. `deleteEmptyDirData` and `force` are kubectl's
    /// flags: without them a pod with emptyDir data, or without a controller, refuses the drain (naming the pods).
    public static func make(
        node: String, pods: [JSONValue], deleteEmptyDirData: Bool, force: Bool, gracePeriod: Int?,
        skipWaitAfter: Double, timeout: Double
    ) throws(RunbooksError) -> DrainPlan {
        var plan = DrainPlan(
            node: node, evictions: [], terminating: [:], skipped: [], skipWaitAfter: skipWaitAfter, timeout: timeout)
        var localData: [String] = []
        var unmanaged: [String] = []
        for pod in pods.sorted(by: { name(of: $0) < name(of: $1) }) {
            let key = ObjectKey(
                namespace: pod[path: ["metadata", "namespace"]]?.stringValue ?? "",
                name: pod[path: ["metadata", "name"]]?.stringValue ?? "")
            let controller = (pod[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).first {
                $0["controller"]?.boolValue == true
            }
            if pod[path: ["metadata", "annotations", "kubernetes.io/config.mirror"]] != nil {
                plan.skipped.append(Skipped(pod: key, reason: "mirror pod (the kubelet runs it from a file)"))
                continue
            }
            if controller?["kind"]?.stringValue == "DaemonSet" {
                plan.skipped.append(Skipped(pod: key, reason: "DaemonSet-managed"))
                continue
            }
            if let deletion = pod[path: ["metadata", "deletionTimestamp"]]?.stringValue.flatMap(KubeTime.parse) {
                let grace = Double(pod[path: ["metadata", "deletionGracePeriodSeconds"]]?.intValue ?? 0)
                plan.terminating[key] = deletion.addingTimeInterval(-grace)
                continue
            }
            let hasEmptyDir = (pod[path: ["spec", "volumes"]]?.arrayValue ?? []).contains { $0["emptyDir"] != nil }
            if hasEmptyDir, !deleteEmptyDirData { localData.append(key.description) }
            if controller == nil, !force { unmanaged.append(key.description) }
            let uid = pod[path: ["metadata", "uid"]]?.stringValue ?? ""
            plan.evictions.append(
                Eviction(
                    pod: key, uid: uid,
                    write: KubeWrite.evict(
                        namespace: key.namespace, name: key.name, uid: uid.isEmpty ? nil : uid,
                        gracePeriodSeconds: gracePeriod)))
        }
        var problems: [String] = []
        if !localData.isEmpty {
            problems.append(
                "cannot evict pods with local storage (set delete_emptydir_data=true to override): "
                    + localData.joined(separator: ", "))
        }
        if !unmanaged.isEmpty {
            problems.append(
                "cannot evict pods that declare no controller (set force=true to override): "
                    + unmanaged.joined(separator: ", "))
        }
        if !problems.isEmpty { throw .preconditionFailed(problems.joined(separator: "; "), otherwise: nil) }
        return plan
    }

    private static func name(of pod: JSONValue) -> String {
        (pod[path: ["metadata", "namespace"]]?.stringValue ?? "") + "/"
            + (pod[path: ["metadata", "name"]]?.stringValue ?? "")
    }

    /// One line per fact, for the preview.
    public var lines: [String] {
        var lines = ["evicts \(evictions.count) pod\(evictions.count == 1 ? "" : "s") from node \(node)"]
        if !terminating.isEmpty { lines.append("waits for \(terminating.count) pod(s) already terminating") }
        let reasons = Dictionary(grouping: skipped, by: \.reason)
        for reason in reasons.keys.sorted() {
            lines.append("leaves \(reasons[reason]?.count ?? 0) pod(s): \(reason)")
        }
        lines.append("total timeout \(DurationText.format(timeout))")
        return lines
    }
}
