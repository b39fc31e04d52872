/// One run of a container as its log sees it: from its start to its end (a kill or an exit), or still running.
struct ContainerInstance: Sendable {
    var pod: String
    var container: String
    var containerID: String
    /// The simulated second it started.
    var start: Int64
    /// The simulated second it ended; nil while it runs.
    var end: Int64?
    var memoryLimitBytes: Double?
    var cpuLimitCores: Double?
    var demand: ContainerDemand
    /// The pod's demand spread (the kubelet's `PodRuntime.jitter`).
    var jitter: Double
    /// When the scenario's story began: demand curves are functions of story time.
    var storyStart: Double
    var voice: LogVoice
}

extension ClusterWorld {
    /// The container instance whose log `pods/{name}/log` returns, by the kubelet's rules
    /// (`validateContainerLogStatus`): `previous` is the last terminated instance; otherwise the running one, else the
    /// last terminated one (a container waiting in CrashLoopBackOff shows the log of the run that just died).
    func logInstance(of pod: Pod, key: String, container name: String, previous: Bool) throws(APIError)
        -> ContainerInstance
    {
        let podName = pod.metadata.name ?? ""
        guard pod.spec.nodeName?.isEmpty == false else {
            throw .badRequest("pod \(podName) does not have a host assigned")
        }
        guard let status = pod.status.containerStatuses?.first(where: { $0.name == name }),
            let container = pod.spec.containers.first(where: { $0.name == name })
        else {
            throw .badRequest("container \"\(name)\" in pod \"\(podName)\" is not available")
        }
        let last = status.lastState.terminated
        let run: (start: Timestamp?, end: Timestamp?, id: String?)
        if previous {
            guard let last, last.containerID?.isEmpty == false else {
                throw .badRequest("previous terminated container \"\(name)\" in pod \"\(podName)\" not found")
            }
            run = (last.startedAt, last.finishedAt, last.containerID)
        } else if let running = status.state.running {
            run = (running.startedAt, nil, status.containerID)
        } else if let terminated = status.state.terminated ?? last, terminated.containerID?.isEmpty == false {
            run = (terminated.startedAt, terminated.finishedAt, terminated.containerID)
        } else {
            let reason = status.state.waiting?.reason ?? "PodInitializing"
            throw .badRequest("container \"\(name)\" in pod \"\(podName)\" is waiting to start: \(reason)")
        }
        let resources = container.resources ?? ResourceRequirements()
        let started = run.start?.seconds ?? Int64(now)
        return ContainerInstance(
            pod: podName, container: name, containerID: run.id ?? "", start: started,
            end: run.end.map { max(started, $0.seconds) },
            memoryLimitBytes: resources.memoryLimitBytes.map(Double.init),
            cpuLimitCores: resources.cpuLimitMillis.map { Double($0) / 1000 },
            demand: demand(for: pod, container: name) ?? defaultDemand(resources),
            jitter: runtimes[key]?.jitter ?? 0.5, storyStart: startTime,
            voice: LogVoice(container: name, image: container.image ?? ""))
    }
}
