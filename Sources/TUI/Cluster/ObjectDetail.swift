import ClusterModel
import Foundation

/// The detail view of a pod or node, built from one `ClusterData`.
struct ObjectDetail {
    var target: DetailTarget
    var data: ClusterData
    var usage: UsageHistory

    var view: DetailView {
        switch target {
        case .pod(let key):
            guard let pod = data.snapshot.pods[key] else { return gone }
            return podView(pod)
        case .node(let name):
            guard let node = data.snapshot.nodes[ObjectKey(namespace: "", name: name)] else { return gone }
            return nodeView(node)
        case .workload(let owner):
            return workloadView(owner) ?? gone
        }
    }

    var gone: DetailView {
        DetailView(
            title: target.title,
            sections: [
                DetailSection("Gone", fields: [DetailField("", "The object is no longer in the cluster", role: .dim)])
            ])
    }

    private func podView(_ pod: PodSummary) -> DetailView {
        let row = PodRow(pod: pod, metrics: data.metrics, thresholds: data.thresholds, now: data.now)
        var sections = [
            DetailSection(
                "Pod",
                fields: [
                    DetailField("Status", row.status, role: row.statusRole),
                    DetailField("Node", pod.nodeName ?? "-"),
                    DetailField("Owner", data.snapshot.owningWorkload(of: pod).map { "\($0.kind) \($0.name)" } ?? "-"),
                    DetailField("QoS", pod.qosClass ?? "-"),
                    DetailField("Age", ageText(since: pod.createdAt, now: data.now)),
                ])
        ]
        var charts: [DetailChart] = []
        for spec in pod.containers {
            let status = pod.containerStatuses.first { $0.name == spec.name }
            sections.append(DetailSection("Container \(spec.name)", fields: containerFields(spec, status)))
            let ref = ContainerRef(namespace: pod.namespace, pod: pod.name, container: spec.name)
            let series = usage.series[ref] ?? UsageHistory.Series()
            let current = data.metrics.containers[ref]
            let limit = spec.resources.memoryLimitBytes
            let memoryCaption = Quantities.usage(current?.workingSetBytes, of: limit, format: Quantities.bytes)
            let single = pod.containers.count == 1
            charts.append(
                DetailChart(
                    single ? "memory" : "mem \(spec.name)",
                    sparkline: Sparkline(values: series.memoryBytes, limit: limit.map(Double.init)),
                    caption: memoryCaption))
            charts.append(
                DetailChart(
                    single ? "throttled" : "thr \(spec.name)",
                    sparkline: Sparkline(values: series.throttleRatio, limit: data.thresholds.cpuThrottlingRatio),
                    caption: current?.cpuThrottleRatio.map { "throttled \(Quantities.percent($0))" } ?? "throttled -"))
        }
        if let rollout = lastRolloutSection(of: pod) { sections.append(rollout) }
        sections.append(eventsSection(kind: "Pod", namespace: pod.namespace, name: pod.name))
        return DetailView(title: "Pod \(pod.namespace)/\(pod.name)", charts: charts, sections: sections)
    }

    private func containerFields(_ spec: ContainerSpecSummary, _ status: ContainerStatusSummary?) -> [DetailField] {
        let resources = spec.resources
        func pair(_ request: Int64?, _ limit: Int64?, _ format: (Int64) -> String) -> String {
            "request \(request.map(format) ?? "-"), limit \(limit.map(format) ?? "-")"
        }
        var fields = [
            DetailField("CPU", pair(resources.cpuRequestMillis, resources.cpuLimitMillis, Quantities.millicores)),
            DetailField("Memory", pair(resources.memoryRequestBytes, resources.memoryLimitBytes, Quantities.bytes)),
        ]
        guard let status else { return fields + [DetailField("State", "not started", role: .dim)] }
        fields.append(DetailField("Ready", status.ready ? "yes" : "no", role: status.ready ? nil : .severityWarning))
        fields.append(
            DetailField("Restarts", "\(status.restartCount)", role: status.restartCount > 0 ? .severityWarning : nil))
        fields.append(
            DetailField(
                "State", describe(status.state), role: status.state.waitingReason == nil ? nil : .severityCritical))
        if status.lastState != .none {
            let isOOM = status.lastState.termination?.reason == "OOMKilled"
            fields.append(DetailField("Last state", describe(status.lastState), role: isOOM ? .severityCritical : nil))
        }
        return fields
    }

    private func describe(_ state: ContainerState) -> String {
        switch state {
        case .none: return "-"
        case .waiting(let reason, let message): return "Waiting: \(reason ?? "?")" + (message.map { " (\($0))" } ?? "")
        case .running(let startedAt):
            return "Running" + (startedAt.map { " for \(ageText(since: $0, now: data.now))" } ?? "")
        case .terminated(let termination):
            let ended = termination.finishedAt.map { ", \(ageText(since: $0, now: data.now)) ago" } ?? ""
            return "Terminated: \(termination.reason ?? "?") (exit \(termination.exitCode)\(ended))"
        }
    }

    private func nodeView(_ node: NodeSummary) -> DetailView {
        let row = NodeRow(node: node, snapshot: data.snapshot, metrics: data.metrics, now: data.now)
        let conditions = [
            ("Ready", node.ready), ("MemoryPressure", node.memoryPressure), ("DiskPressure", node.diskPressure),
            ("PIDPressure", node.pidPressure),
        ]
        let node = DetailSection(
            "Node",
            fields: [
                DetailField("Status", row.status, role: row.statusRole),
                DetailField("Pods", "\(row.totals.podCount) of \(node.allocatablePods.map { "\($0)" } ?? "-")"),
                DetailField("CPU requests", row.cpuRequestText),
                DetailField("CPU limits", row.cpuLimitText),
                DetailField("Memory requests", row.memoryRequestText),
                DetailField("Memory limits", row.memoryLimitText),
                DetailField("Usage", row.usageText),
                DetailField("Kubelet", node.kubeletVersion ?? "-"),
                DetailField(
                    "Taints",
                    node.taints.isEmpty
                        ? "none"
                        : node.taints.map { "\($0.key)=\($0.value ?? ""):\($0.effect)" }.joined(separator: ", ")),
                DetailField("Age", ageText(since: node.createdAt, now: data.now)),
            ])
        let conditionFields = conditions.map { name, condition in
            DetailField(
                name, condition.map { "\($0.status.rawValue)" + ($0.reason.map { " (\($0))" } ?? "") } ?? "-",
                role: (name == "Ready") == (condition?.status == .isTrue) ? nil : .severityCritical)
        }
        return DetailView(
            title: "Node \(row.node.name)",
            sections: [
                node, DetailSection("Conditions", fields: conditionFields),
                eventsSection(kind: "Node", namespace: nil, name: row.node.name),
            ])
    }

    func eventsSection(kind: String, namespace: String?, name: String) -> DetailSection {
        let events = data.snapshot.events.values
            .filter {
                $0.involvedObject.kind == kind && $0.involvedObject.name == name
                    && (namespace == nil || $0.involvedObject.namespace == namespace)
            }
            .sorted { ($0.lastSeen ?? .distantPast) > ($1.lastSeen ?? .distantPast) }
            .prefix(10)
        guard !events.isEmpty else { return DetailSection("Events", fields: [DetailField("", "none", role: .dim)]) }
        return DetailSection(
            "Events",
            fields: events.map { event in
                let count = event.count > 1 ? " ×\(event.count)" : ""
                return DetailField(
                    ageText(since: event.lastSeen, now: data.now), "\(event.reason)\(count): \(event.message)",
                    role: event.type == "Warning" ? .severityWarning : nil)
            })
    }
}
