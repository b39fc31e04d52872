extension ClusterWorld {
    /// CronJobs create Jobs on schedule; Jobs keep `parallelism` pods running.
    func runJobControllers() {
        // CronJobs follow the clock, so every one is looked at each tick in both modes.
        _ = queues.takeOwners(.cronJobs)
        for cronJob in store.all(CronJob.self) where cronJob.spec.suspend != true { reconcile(cronJob) }
        for key in keysToReconcile(.jobs) {
            guard let job = store.get(Job.self, key), job.metadata.deletionTimestamp == nil,
                let namespace = job.metadata.namespace, let name = job.metadata.name
            else { continue }
            let pods = ownedPods(job.metadata.uid)
            let active = pods.filter { $0.status.phase != "Succeeded" && $0.status.phase != "Failed" }
            let succeeded = Int32(pods.filter { $0.status.phase == "Succeeded" }.count)
            let wanted = Int(min(job.spec.parallelism ?? 1, max(0, (job.spec.completions ?? 1) - succeeded)))
            if active.count < wanted {
                let owner = ownerReference(kind: "Job", apiVersion: "batch/v1", metadata: job.metadata)
                for _ in active.count..<wanted {
                    createPod(
                        from: job.spec.template, namespace: namespace, generateName: name + "-", owner: owner,
                        extraLabels: ["job-name": name, "batch.kubernetes.io/job-name": name])
                }
            }
            let status = Job.Status(
                active: Int32(max(active.count, wanted)), succeeded: succeeded == 0 ? nil : succeeded, failed: nil,
                startTime: job.status.startTime ?? timestamp)
            if status != job.status {
                store.modify(Job.self, job.storeKey) {
                    $0.status = status
                    return true
                }
            }
        }
    }

    private func reconcile(_ cronJob: CronJob) {
        guard let namespace = cronJob.metadata.namespace, let name = cronJob.metadata.name,
            let schedule = CronSchedule(cronJob.spec.schedule)
        else { return }
        let minute = Int64(now) / 60 * 60
        guard Int64(now) - minute < Int64(tickSeconds), schedule.matches(Timestamp(seconds: minute)),
            cronJob.status.lastScheduleTime?.seconds != minute
        else { return }
        var meta = cronJob.spec.jobTemplate.metadata ?? ObjectMeta(name: "")
        meta.name = "\(name)-\(minute / 60)"
        meta.namespace = namespace
        meta.ownerReferences = [ownerReference(kind: "CronJob", apiVersion: "batch/v1", metadata: cronJob.metadata)]
        guard let job = try? store.create(Job(metadata: meta, spec: cronJob.spec.jobTemplate.spec)) else { return }
        store.modify(CronJob.self, cronJob.storeKey) { cron in
            cron.status.lastScheduleTime = Timestamp(seconds: minute)
            cron.status.active =
                (cron.status.active ?? []) + [
                    ObjectReference(
                        kind: "Job", namespace: namespace, name: job.metadata.name,
                        uid: job.metadata.uid, apiVersion: "batch/v1")
                ]
            return true
        }
        recordEvent(
            on: ObjectReference(
                kind: "CronJob", namespace: namespace, name: name, uid: cronJob.metadata.uid, apiVersion: "batch/v1"),
            type: "Normal", reason: "SuccessfulCreate", message: "Created job \(meta.name ?? "")",
            component: "cronjob-controller")
    }
}

/// A five-field cron schedule (`*/15 9-19 * * Mon-Fri`): minute, hour, day of month, month, day of week, in UTC.
struct CronSchedule: Sendable {
    private let fields: [Set<Int>]

    init?(_ text: String) {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 5 else { return nil }
        let ranges = [0...59, 0...23, 1...31, 1...12, 0...6]
        var fields: [Set<Int>] = []
        for (part, range) in zip(parts, ranges) {
            guard let set = Self.parse(part, range) else { return nil }
            fields.append(set)
        }
        self.fields = fields
    }

    func matches(_ time: Timestamp) -> Bool {
        let days = time.seconds / 86_400
        let (_, month, day) = Timestamp.civilDate(daysSinceEpoch: days)
        let weekday = Int((days + 4) % 7)
        let values = [Int(time.seconds % 3600 / 60), Int(time.seconds % 86_400 / 3600), Int(day), Int(month), weekday]
        return zip(fields, values).allSatisfy { $0.contains($1) }
    }

    private static let names = [
        "sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
        "dec": 12,
    ]

    private static func parse(_ field: String, _ range: ClosedRange<Int>) -> Set<Int>? {
        var result = Set<Int>()
        for item in field.split(separator: ",") {
            let stepParts = item.split(separator: "/")
            let step = stepParts.count > 1 ? Int(stepParts[1]) ?? 0 : 1
            guard step > 0 else { return nil }
            let base = String(stepParts[0])
            var low = range.lowerBound
            var high = range.upperBound
            if base != "*" {
                let bounds = base.split(separator: "-").map { value(String($0)) }
                guard let first = bounds.first ?? nil else { return nil }
                low = first
                high = bounds.count > 1 ? (bounds[1] ?? -1) : (stepParts.count > 1 ? range.upperBound : first)
            }
            guard range.contains(low), range.contains(high), low <= high else { return nil }
            result.formUnion(stride(from: low, through: high, by: step))
        }
        return result
    }

    private static func value(_ text: String) -> Int? { Int(text) ?? names[text.lowercased()] }
}
