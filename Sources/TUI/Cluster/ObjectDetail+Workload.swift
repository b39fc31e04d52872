import ClusterModel
import Foundation

extension ObjectDetail {
    /// How many pods and Jobs a workload's detail lists.
    static let listedChildren = 20

    /// A workload's state and counts, its revisions with what changed in each, its Jobs (a CronJob), its pods and
    /// its events; nil when the workload is gone.
    func workloadView(_ owner: OwnerKey) -> DetailView? {
        let snapshot = data.snapshot
        guard let status = WorkloadStatus.of(owner, in: snapshot) else { return nil }
        let row = WorkloadRow(status: status, now: data.now)
        var fields = [DetailField("State", status.state.description, role: row.stateRole)]
        if status.upToDate != nil {
            let counts = [
                ("desired", status.desired), ("ready", status.ready), ("up-to-date", status.upToDate),
                ("available", status.available),
            ].compactMap { name, value in value.map { "\($0) \(name)" } }
            fields.append(DetailField("Replicas", counts.joined(separator: ", ")))
        }
        if let note = status.note { fields.append(DetailField(owner.kind == "Job" ? "Pods" : "Schedule", note)) }
        let rollout = ["Job": "Started", "CronJob": "Last schedule"][owner.kind] ?? "Last rollout"
        fields.append(DetailField(rollout, ageText(since: status.lastRollout, now: data.now) + " ago"))
        fields.append(DetailField("Age", ageText(since: status.createdAt, now: data.now)))
        var sections = [DetailSection(owner.kind, fields: fields)]
        let revisions = WorkloadRevision.history(of: owner, in: snapshot)
        if !revisions.isEmpty {
            sections.append(DetailSection("Revisions (newest first)", fields: revisions.flatMap(revisionFields)))
        }
        if owner.kind == "CronJob" { sections.append(jobsSection(of: owner)) }
        sections.append(podsSection(snapshot.pods(ownedBy: owner)))
        sections.append(eventsSection(kind: owner.kind, namespace: owner.namespace, name: owner.name))
        return DetailView(title: owner.description, sections: sections)
    }

    /// The pod's workload's newest revision and what it changed, when there is a revision before it.
    func lastRolloutSection(of pod: PodSummary) -> DetailSection? {
        guard let workload = data.snapshot.owningWorkload(of: pod) else { return nil }
        let owner = OwnerKey(workload, namespace: pod.namespace)
        let revisions = WorkloadRevision.history(of: owner, in: data.snapshot)
        guard let current = revisions.first, revisions.count > 1 else { return nil }
        return DetailSection("Last rollout of \(owner.kind) \(owner.name)", fields: revisionFields(current))
    }

    /// `#4 current  12m ago, 3 pods, coredns:1.11.1` and one line per change.
    private func revisionFields(_ revision: WorkloadRevision) -> [DetailField] {
        let images = revision.containers.compactMap(\.image).joined(separator: ", ")
        let pods = revision.pods.count == 1 ? "1 pod" : "\(revision.pods.count) pods"
        let summary = ["\(ageText(since: revision.createdAt, now: data.now)) ago", pods, images]
            .filter { !$0.isEmpty }.joined(separator: ", ")
        let label = "#\(revision.number)" + (revision.isCurrent ? " current" : "")
        var fields = [DetailField(label, summary, role: revision.isCurrent ? .title : nil)]
        fields += revision.changes.map { DetailField("", "↳ \($0)", role: revision.isCurrent ? .severityWarning : nil) }
        return fields
    }

    private func jobsSection(of owner: OwnerKey) -> DetailSection {
        let jobs = data.snapshot.jobs(ownedBy: owner).sorted {
            ($0.createdAt ?? .distantPast) > ($1.createdAt ?? .distantPast)
        }
        guard !jobs.isEmpty else { return DetailSection("Jobs", fields: [DetailField("", "none", role: .dim)]) }
        var fields = jobs.prefix(Self.listedChildren).map { job in
            let state = RolloutState.of(job: job)
            return DetailField(
                state.description,
                "\(job.name)  \(job.active) active, \(job.succeeded)/\(job.wantedCompletions) succeeded, "
                    + "\(job.failed) failed, started \(ageText(since: job.startTime ?? job.createdAt, now: data.now)) ago",
                role: state.isTrouble ? .severityCritical : nil)
        }
        if jobs.count > Self.listedChildren {
            fields.append(DetailField("", "and \(jobs.count - Self.listedChildren) more", role: .dim))
        }
        return DetailSection("Jobs (\(jobs.count), newest first)", fields: fields)
    }

    private func podsSection(_ pods: [PodSummary]) -> DetailSection {
        guard !pods.isEmpty else { return DetailSection("Pods", fields: [DetailField("", "none", role: .dim)]) }
        let rows = pods.map { PodRow(pod: $0, metrics: data.metrics, thresholds: data.thresholds, now: data.now) }
            .sorted { ($0.troubleRank, $0.pod.name) < ($1.troubleRank, $1.pod.name) }
        var fields = rows.prefix(Self.listedChildren).map { row in
            DetailField(
                row.status, "\(row.pod.name)  \(row.restartsText) restarts, \(row.pod.nodeName ?? "no node")",
                role: row.statusRole)
        }
        if rows.count > Self.listedChildren {
            fields.append(DetailField("", "and \(rows.count - Self.listedChildren) more", role: .dim))
        }
        return DetailSection("Pods (\(pods.count), trouble first)", fields: fields)
    }
}
