import Foundation

/// Admission for new pods (Priority, LimitRanger, then ResourceQuota) and the quota controller that keeps
/// `status.used`.
extension ClusterWorld {
    /// Resolves the pod's PriorityClass, applies the namespace's LimitRange defaults and checks its bounds, then checks
    /// every ResourceQuota; throws the real server's 403 when the pod does not fit.
    func admit(_ pod: inout Pod) throws(APIError) {
        guard let namespace = pod.metadata.namespace else { return }
        let name = pod.metadata.name ?? ""
        if let className = pod.spec.priorityClassName, !className.isEmpty {
            guard let priorityClass = store.get(PriorityClass.self, className) else {
                throw .forbiddenPod(name, "no PriorityClass with name \(className) was found")
            }
            pod.spec.priority = priorityClass.value
            pod.spec.preemptionPolicy = priorityClass.preemptionPolicy ?? "PreemptLowerPriority"
        }
        for range in objects(LimitRange.self, in: namespace) {
            try LimitRanger.apply(range, to: &pod)
        }
        for quota in objects(ResourceQuota.self, in: namespace) where QuotaUsage.matchesScopes(quota, pod) {
            let hard = quota.spec.hard ?? [:]
            let requested = QuotaUsage.of(pod)
            let missing = QuotaUsage.missingRequirements(pod, tracked: Set(hard.keys))
            if !missing.isEmpty {
                throw .forbiddenPod(
                    name, "failed quota: \(quota.metadata.name ?? ""): must specify \(missing.joined(separator: "; "))")
            }
            let used = quotaUsed(quota, namespace: namespace)
            var exceeded: [String] = []
            for (resource, limit) in hard {
                guard let amount = requested[resource], let limitValue = Quantity.value(limit) else { continue }
                if (used[resource] ?? 0) + amount > limitValue + 1e-9 { exceeded.append(resource) }
            }
            guard exceeded.isEmpty else {
                func listed(_ values: (String) -> String) -> String {
                    exceeded.sorted().map { "\($0)=\(values($0))" }.joined(separator: ",")
                }
                throw .forbiddenPod(
                    name,
                    "exceeded quota: \(quota.metadata.name ?? ""), requested: \(listed { QuotaUsage.format(requested[$0] ?? 0, $0) }), used: \(listed { QuotaUsage.format(used[$0] ?? 0, $0) }), limited: \(listed { hard[$0] ?? "" })"
                )
            }
        }
    }

    /// Keeps every quota's `status` (hard and used) current, and removes ControllerRevisions whose owner is gone.
    func runQuotaAndRevisionControllers() {
        for quota in store.all(ResourceQuota.self) {
            guard let namespace = quota.metadata.namespace else { continue }
            let used = quotaUsed(quota, namespace: namespace)
            let hard = quota.spec.hard ?? [:]
            let status = ResourceQuota.Status(
                hard: hard,
                used: Dictionary(uniqueKeysWithValues: hard.keys.map { ($0, QuotaUsage.format(used[$0] ?? 0, $0)) }))
            if status != quota.status {
                store.modify(ResourceQuota.self, quota.storeKey) {
                    $0.status = status
                    return true
                }
            }
        }
        guard Int(elapsed) % 60 == 0 else { return }
        var owners = Set<String>()
        for type in [ResourceType.daemonSets, .statefulSets] {
            for stored in store.table(type)?.objects.values.map({ $0 }) ?? [] {
                if let uid = stored.metadata.uid { owners.insert(uid) }
            }
        }
        for revision in store.all(ControllerRevision.self) {
            if let owner = revision.metadata.controller?.uid, !owners.contains(owner) {
                store.remove(.controllerRevisions, revision.storeKey)
            }
        }
    }

    /// What the pods (and counted objects) of a namespace use of each resource a quota names.
    func quotaUsed(_ quota: ResourceQuota, namespace: String) -> [String: Double] {
        let hard = quota.spec.hard ?? [:]
        var used: [String: Double] = [:]
        for pod in objects(Pod.self, in: namespace)
        where QuotaUsage.counts(pod, now: timestamp) && QuotaUsage.matchesScopes(quota, pod) {
            for (resource, amount) in QuotaUsage.of(pod) where hard[resource] != nil {
                used[resource, default: 0] += amount
            }
        }
        for resource in hard.keys where resource.hasPrefix("count/") || QuotaUsage.countedPlurals.contains(resource) {
            let plural = resource.hasPrefix("count/") ? String(resource.dropFirst("count/".count)) : resource
            guard plural != "pods", let type = ResourceType.stored.first(where: { $0.plural == plural }) else {
                continue
            }
            used[resource] = Double(keys(of: type, in: namespace).count)
        }
        return used
    }

    /// The objects of a type in one namespace, read from that slice of the sorted table.
    func objects<T: SimObject>(_ type: T.Type, in namespace: String) -> [T] {
        guard let table = store.table(T.resource) else { return [] }
        return keys(of: T.resource, in: namespace).compactMap { table.objects[$0]?.object as? T }
    }

    private func keys(of resource: ResourceType, in namespace: String) -> [String] {
        store.table(resource)?.keys(withPrefix: namespace + "/") ?? []
    }
}

/// How much of each quota resource a pod uses, in base units (cores, bytes, counts).
enum QuotaUsage {
    /// Plain resource names that count objects (`configmaps: "10"`), besides `count/<plural>`.
    static let countedPlurals: Set<String> = ["configmaps", "secrets", "resourcequotas"]

    static func of(_ pod: Pod) -> [String: Double] {
        var usage: [String: Double] = ["pods": 1, "count/pods": 1]
        for container in pod.spec.containers {
            for (name, value) in container.resources?.requests ?? [:] {
                guard let amount = Quantity.value(value) else { continue }
                usage["requests.\(name)", default: 0] += amount
                if name == "cpu" || name == "memory" { usage[name, default: 0] += amount }
            }
            for (name, value) in container.resources?.limits ?? [:] {
                guard let amount = Quantity.value(value) else { continue }
                usage["limits.\(name)", default: 0] += amount
            }
        }
        return usage
    }

    /// `requests.cpu for: app` for each compute resource the quota tracks that a container leaves unset.
    static func missingRequirements(_ pod: Pod, tracked: Set<String>) -> [String] {
        var missing: [String] = []
        for resource in ["cpu", "memory"] {
            for (kind, names) in [
                ("requests", [resource, "requests.\(resource)"]), ("limits", ["limits.\(resource)"]),
            ]
            where !tracked.isDisjoint(with: names) {
                let lacking = pod.spec.containers.filter { container in
                    let values = kind == "requests" ? container.resources?.requests : container.resources?.limits
                    return values?[resource] == nil
                }.map(\.name)
                if !lacking.isEmpty { missing.append("\(kind).\(resource) for: \(lacking.joined(separator: ","))") }
            }
        }
        return missing.sorted()
    }

    /// Pods count until they finish, or until a terminating pod's grace period has passed.
    static func counts(_ pod: Pod, now: Timestamp) -> Bool {
        if pod.status.phase == "Succeeded" || pod.status.phase == "Failed" { return false }
        if let deletion = pod.metadata.deletionTimestamp, deletion <= now { return false }
        return true
    }

    /// The `BestEffort`, `NotBestEffort`, `Terminating` and `NotTerminating` scopes.
    static func matchesScopes(_ quota: ResourceQuota, _ pod: Pod) -> Bool {
        let bestEffort = pod.spec.containers.allSatisfy {
            ($0.resources?.requests ?? [:]).isEmpty && ($0.resources?.limits ?? [:]).isEmpty
        }
        return (quota.spec.scopes ?? []).allSatisfy { scope in
            switch scope {
            case "BestEffort": bestEffort
            case "NotBestEffort": !bestEffort
            case "Terminating": pod.spec.activeDeadlineSeconds != nil
            case "NotTerminating": pod.spec.activeDeadlineSeconds == nil
            default: false
            }
        }
    }

    /// A usage as the API server prints it: millicores for CPU, binary units for memory and storage, else a count.
    static func format(_ value: Double, _ resource: String) -> String {
        if resource.hasSuffix("cpu") { return Quantity.formatMillis(Int64((value * 1000).rounded())) }
        if resource.hasSuffix("memory") || resource.hasSuffix("storage") {
            return Quantity.formatBytes(Int64(value.rounded()))
        }
        return String(Int64(value.rounded()))
    }
}

extension APIError {
    /// Admission's refusal of a pod: `pods "x" is forbidden: <reason>`.
    static func forbiddenPod(_ name: String, _ reason: String) -> APIError {
        APIError(
            code: 403, reason: "Forbidden", message: "pods \"\(name)\" is forbidden: \(reason)",
            details: Details(name: name, kind: "pods"))
    }
}
