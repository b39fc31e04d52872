import Foundation

/// Observations of one kind about the pods of one workload, resolved to its top controller (pod → ReplicaSet →
/// Deployment, pod → Job → CronJob): `CronJob reports/report-generator: 900 pods Pending (Unschedulable), +45/min`.
/// An observation that shares its kind and owner with no other stands alone, as a group of one.
public struct SignalGroup: Sendable, Equatable, Identifiable {
    /// `podPending/CronJob reports/report-generator`, or the observation's id for a group of one.
    public var id: String
    public var kind: ObservationKind
    /// The top controller of the pods, nil for a group of one.
    public var owner: OwnerKey?
    /// The members, most severe first, then active before cleared, then most recent.
    public var observations: [Observation]
    /// Members first seen per minute over the rate window, when any were.
    public var perMinute: Int?

    public init(id: String, kind: ObservationKind, owner: OwnerKey?, observations: [Observation], perMinute: Int? = nil)
    {
        self.id = id
        self.kind = kind
        self.owner = owner
        self.observations = observations
        self.perMinute = perMinute
    }

    /// The most severe member.
    public var lead: Observation { observations[0] }
    public var severity: Severity { lead.severity }
    public var isActive: Bool { observations.contains(where: \.isActive) }
    public var lastSeen: Date { observations.map(\.lastSeen).max() ?? lead.lastSeen }
    public var isSingle: Bool { observations.count == 1 }

    /// Distinct pods among the members.
    public var podCount: Int {
        Set(observations.map { "\($0.subject.namespace ?? "")/\($0.subject.name)" }).count
    }

    /// `900 pods Pending (Unschedulable), +45/min`, or the observation's own summary for a group of one.
    public var summary: String {
        guard !isSingle else { return lead.summary }
        var text = "\(podCount) pods \(kind.title)"
        if let detail = sharedDetail { text += " (\(detail))" }
        if let perMinute { text += ", +\(perMinute)/min" }
        return text
    }

    /// The reason, limit or last exit every member shares, if they share one (a reason that is the kind's title, as
    /// OOMKilled's is, says nothing more).
    private var sharedDetail: String? {
        for key in ["reason", "memoryLimit", "lastReason"] {
            let values = Set(observations.map { $0.evidence[key] ?? "" })
            if values.count == 1, let value = values.first, !value.isEmpty, value != kind.title {
                return key == "memoryLimit" ? "limit \(value)" : key == "lastReason" ? "last exit \(value)" : value
            }
        }
        return nil
    }

    /// Groups `observations` about pods by kind and top controller; node and workload observations, pods without a
    /// controller and pods no longer in `snapshot` stand alone. Most severe first, then active, then most recent.
    public static func grouping(
        _ observations: [Observation], snapshot: ClusterSnapshot, now: Date,
        thresholds: SignalThresholds = SignalThresholds()
    ) -> [SignalGroup] {
        var members: [String: (kind: ObservationKind, owner: OwnerKey, observations: [Observation])] = [:]
        var groups: [SignalGroup] = []
        for observation in observations {
            let subject = observation.subject
            guard subject.kind == "Pod", let namespace = subject.namespace,
                let pod = snapshot.pods[ObjectKey(namespace: namespace, name: subject.name)],
                let top = snapshot.owningWorkload(of: pod)
            else {
                groups.append(
                    SignalGroup(id: observation.id, kind: observation.kind, owner: nil, observations: [observation]))
                continue
            }
            let owner = OwnerKey(top, namespace: namespace)
            let id = "\(observation.kind.rawValue)/\(owner)"
            members[id, default: (observation.kind, owner, [])].observations.append(observation)
        }
        for (id, group) in members {
            let sorted = group.observations.sorted(by: ranks)
            guard sorted.count > 1 else {
                groups.append(SignalGroup(id: sorted[0].id, kind: group.kind, owner: nil, observations: sorted))
                continue
            }
            groups.append(
                SignalGroup(
                    id: id, kind: group.kind, owner: group.owner, observations: sorted,
                    perMinute: rate(of: sorted, kind: group.kind, now: now, thresholds: thresholds)))
        }
        return groups.sorted { ranks($0.summaryObservation, $1.summaryObservation) }
    }

    /// The lead with the group's activity and last sighting, for ranking groups against each other.
    private var summaryObservation: Observation {
        var lead = lead
        lead.isActive = isActive
        lead.lastSeen = lastSeen
        lead.id = id
        return lead
    }

    /// Most severe first, then active before cleared, then most recent, then by id.
    public static func ranks(_ left: Observation, _ right: Observation) -> Bool {
        if left.severity != right.severity { return left.severity > right.severity }
        if left.isActive != right.isActive { return left.isActive }
        if left.lastSeen != right.lastSeen { return left.lastSeen > right.lastSeen }
        return left.id < right.id
    }

    /// Members first seen within the rate window, per minute. A pod counts as pending only `pendingAfter` after it
    /// was created (its first sighting), so for pending pods the window's last `pendingAfter` holds none yet.
    static func rate(of members: [Observation], kind: ObservationKind, now: Date, thresholds: SignalThresholds)
        -> Int?
    {
        let lag = kind == .podPending ? thresholds.pendingAfter : 0
        let window = max(thresholds.groupRateWindow, lag + 60)
        let recent = members.filter { now.timeIntervalSince($0.firstSeen) <= window }.count
        let perMinute = Int((Double(recent) / ((window - lag) / 60)).rounded())
        return perMinute > 0 ? perMinute : nil
    }
}
