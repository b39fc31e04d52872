import ClusterModel
import Foundation

/// Decides what of the cluster goes into an incident's journal: observations (only when new or grown), Warning
/// events on objects the incident touches (only when new or grown), and changes seen between snapshots. Pure: it
/// returns drafts, and `IncidentRecorder` writes them.
public struct IncidentRecording: Sendable {
    /// The evidence key naming an observed pod's workload (`Deployment/kube-system/coredns`).
    public static let workloadEvidenceKey = "workload"

    public let context: String
    /// Objects the incident touches (`Kind/namespace/name`): observed objects, their workloads and nodes.
    public private(set) var touched: Set<String> = []
    private var recordedObservations: [String: Occurrence] = [:]
    private var recordedEvents: [ObjectKey: Int] = [:]
    private var lastSnapshot: ClusterSnapshot?
    /// The cluster time of each container's last kept sample: one per container per cluster moment.
    private var lastSampled: [ContainerRef: Date] = [:]
    /// The same for touched nodes.
    private var lastNodeSample: [String: Date] = [:]

    public init(context: String) {
        self.context = context
    }

    /// Drafts for observations that are new or grew since last recorded, and for Warning events on objects they
    /// newly touch (when a snapshot is given).
    public mutating func record(
        _ observations: [Observation], snapshot: ClusterSnapshot?, at clusterTime: Date
    ) -> [EntryDraft] {
        var drafts: [EntryDraft] = []
        for observation in observations {
            let draft = EntryDraft.observation(
                observation, context: context, at: clusterTime, evidence: extraEvidence(observation, snapshot))
            guard let occurrence = draft.occurrence else { continue }
            if let recorded = recordedObservations[observation.id],
                recorded.isContinued(by: occurrence), recorded.merged(with: occurrence) == recorded
            {
                continue
            }
            recordedObservations[observation.id] = occurrence
            touch(observation.subject, snapshot: snapshot)
            drafts.append(draft)
        }
        if let snapshot { drafts += warningEvents(in: snapshot, at: clusterTime) }
        return drafts
    }

    /// Drafts for what changed since the previous snapshot and for new or grown Warning events on touched objects.
    public mutating func record(snapshot: ClusterSnapshot, at clusterTime: Date) -> [EntryDraft] {
        defer { lastSnapshot = snapshot }
        var drafts: [EntryDraft] = []
        if let lastSnapshot, lastSnapshot.generation != snapshot.generation {
            drafts += ChangeDetector.changes(from: lastSnapshot, to: snapshot, context: context, at: clusterTime)
        }
        return drafts + warningEvents(in: snapshot, at: clusterTime)
    }

    /// A sample for each container of a touched pod (or of a pod of a touched workload) in `metrics`, at most one
    /// per container per cluster time, with its restart count from the snapshot; and one per touched node: the working
    /// set of its pods' containers against its allocatable memory.
    public mutating func samples(
        _ metrics: MetricsSnapshot, snapshot: ClusterSnapshot, at clusterTime: Date
    ) -> [MetricSample] {
        guard !touched.isEmpty else { return [] }
        var samples: [MetricSample] = []
        for (ref, usage) in metrics.containers.sorted(by: { $0.key < $1.key }) {
            guard lastSampled[ref] != clusterTime,
                let pod = snapshot.pods[ObjectKey(namespace: ref.namespace, name: ref.pod)]
            else { continue }
            let workload = snapshot.owningWorkload(of: pod).map { "\($0.kind)/\(ref.namespace)/\($0.name)" }
            guard touched.contains("Pod/\(ref.namespace)/\(ref.pod)") || workload.map(touched.contains) == true
            else { continue }
            lastSampled[ref] = clusterTime
            let limit = usage.memoryLimitBytes.flatMap { $0 > 0 ? $0 : nil }
            samples.append(
                MetricSample(
                    subject: ObservationSubject(
                        kind: "Pod", namespace: ref.namespace, name: ref.pod, container: ref.container),
                    workload: workload, clusterTime: clusterTime, workingSetBytes: usage.workingSetBytes,
                    memoryLimitBytes: limit ?? pod.container(named: ref.container)?.resources.memoryLimitBytes,
                    restarts: pod.containerStatuses.first { $0.name == ref.container }?.restartCount,
                    throttlingRatio: usage.cpuThrottleRatio))
        }
        for node in snapshot.nodes.values.sorted(by: { $0.name < $1.name })
        where touched.contains("Node//\(node.name)") && lastNodeSample[node.name] != clusterTime {
            guard let workingSet = snapshot.usage(onNode: node.name, metrics: metrics).workingSetBytes else { continue }
            lastNodeSample[node.name] = clusterTime
            samples.append(
                MetricSample(
                    subject: ObservationSubject(kind: "Node", name: node.name), clusterTime: clusterTime,
                    workingSetBytes: workingSet, memoryLimitBytes: node.allocatableMemoryBytes))
        }
        return samples
    }

    /// `workload` and `node` of an observed pod, from the snapshot, and what the COE's suggestions read: the
    /// container's memory request and limit, the workload's desired replicas and whether a PodDisruptionBudget
    /// covers the pod.
    private func extraEvidence(_ observation: Observation, _ snapshot: ClusterSnapshot?) -> Evidence {
        guard observation.subject.kind == "Pod", let namespace = observation.subject.namespace, let snapshot,
            let pod = snapshot.pods[ObjectKey(namespace: namespace, name: observation.subject.name)]
        else { return [:] }
        var evidence: Evidence = [:]
        if let owner = snapshot.owningWorkload(of: pod) {
            evidence[Self.workloadEvidenceKey] = .string("\(owner.kind)/\(namespace)/\(owner.name)")
            if let workload = snapshot[workloadsOf: owner.kind]?[ObjectKey(namespace: namespace, name: owner.name)] {
                evidence["desiredReplicas"] = .number(Double(workload.desiredReplicas))
            }
        }
        if let node = pod.nodeName { evidence["node"] = .string(node) }
        if let name = observation.subject.container, let resources = pod.container(named: name)?.resources {
            if let request = resources.memoryRequestBytes { evidence["memoryRequestBytes"] = .number(Double(request)) }
            if let limit = resources.memoryLimitBytes { evidence["memoryLimitBytes"] = .number(Double(limit)) }
        }
        let budgets = snapshot.podDisruptionBudgets.values.filter { budget in
            budget.namespace == namespace && !budget.matchLabels.isEmpty
                && budget.matchLabels.allSatisfy { pod.labels[$0.key] == $0.value }
        }
        evidence["disruptionBudget"] = .string(budgets.map(\.name).sorted().first ?? "none")
        return evidence
    }

    private mutating func touch(_ subject: ObservationSubject, snapshot: ClusterSnapshot?) {
        let namespace = subject.namespace ?? ""
        touched.insert("\(subject.kind)/\(namespace)/\(subject.name)")
        guard subject.kind == "Pod", let snapshot,
            let pod = snapshot.pods[ObjectKey(namespace: namespace, name: subject.name)]
        else { return }
        if let owner = snapshot.owningWorkload(of: pod) { touched.insert("\(owner.kind)/\(namespace)/\(owner.name)") }
        if let owner = pod.controller { touched.insert("\(owner.kind)/\(namespace)/\(owner.name)") }
        if let node = pod.nodeName { touched.insert("Node//\(node)") }
    }

    /// Whether an event's object is touched: itself, or a pod whose workload is.
    private func touches(_ event: EventSummary, in snapshot: ClusterSnapshot) -> Bool {
        let object = event.involvedObject
        guard let kind = object.kind, let name = object.name else { return false }
        let namespace = object.namespace ?? ""
        if touched.contains("\(kind)/\(namespace)/\(name)") { return true }
        guard kind == "Pod", let pod = snapshot.pods[ObjectKey(namespace: namespace, name: name)],
            let owner = snapshot.owningWorkload(of: pod)
        else { return false }
        return touched.contains("\(owner.kind)/\(namespace)/\(owner.name)")
    }

    private mutating func warningEvents(in snapshot: ClusterSnapshot, at clusterTime: Date) -> [EntryDraft] {
        guard !touched.isEmpty else { return [] }
        var drafts: [EntryDraft] = []
        for (key, event) in snapshot.events.sorted(by: { $0.key < $1.key })
        where event.type == "Warning" && event.count > (recordedEvents[key] ?? 0) && touches(event, in: snapshot) {
            recordedEvents[key] = event.count
            drafts.append(Self.draft(event, key: key, context: context, at: clusterTime))
        }
        return drafts
    }

    static func draft(_ event: EventSummary, key: ObjectKey, context: String, at clusterTime: Date) -> EntryDraft {
        let object = event.involvedObject
        let seen = event.lastSeen ?? clusterTime
        let occurrence = Occurrence(
            key: "event:\(key)", count: event.count, firstSeen: event.firstSeen ?? seen, lastSeen: seen)
        var evidence: Evidence = [
            "reason": .string(event.reason), "message": .string(event.message),
            "count": .number(Double(event.count)),
        ]
        if let component = event.sourceComponent { evidence["component"] = .string(component) }
        if let host = event.sourceHost { evidence["host"] = .string(host) }
        if let path = object.fieldPath { evidence["fieldPath"] = .string(path) }
        return EntryDraft(
            context: context, clusterTime: clusterTime, source: "events",
            subject: ObservationSubject(
                kind: object.kind ?? "", namespace: object.namespace, name: object.name ?? ""),
            summary: "\(event.reason): \(event.message)", evidence: evidence,
            body: .warningEvent(WarningEventRecord(reason: event.reason, occurrence: occurrence)))
    }
}
