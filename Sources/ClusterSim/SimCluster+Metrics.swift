import Foundation

/// metrics.k8s.io and the kubelet's cAdvisor metrics through the node proxy.
extension SimCluster {
    func metrics(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        guard request.method == "GET" else { throw .methodNotAllowed() }
        let stamp = world.timestamp.rfc3339
        if path.resource == .nodeMetrics {
            let nodes = world.store.all(Node.self).filter { path.name == nil || $0.metadata.name == path.name }
            if let name = path.name, nodes.isEmpty { throw .notFound(.nodeMetrics, name) }
            let items: [JSONValue] = nodes.map { node in
                let name = node.metadata.name ?? ""
                var memory = 0.0
                var cpu = 0.0
                for key in world.store.podsByNode[name] ?? [] {
                    for container in world.currentRuntime(key)?.containers.values.map({ $0 }) ?? [] {
                        memory += container.workingSetBytes
                        cpu += container.cpuCores
                    }
                }
                memory += world.kubeletMemory[name] ?? 256 * 1_048_576
                return .object([
                    "metadata": .object(["name": .string(name), "creationTimestamp": .string(stamp)]),
                    "timestamp": .string(stamp),
                    "window": "20.05s",
                    "usage": .object([
                        "cpu": .string("\(Int64(cpu * 1e9))n"), "memory": .string("\(Int64(memory) / 1024)Ki"),
                    ]),
                ])
            }
            return metricsBody(kind: "NodeMetrics", items: items, single: path.name != nil)
        }
        let pods = world.store.all(Pod.self).filter {
            (path.namespace == nil || $0.metadata.namespace == path.namespace)
                && (path.name == nil || $0.metadata.name == path.name) && $0.status.phase == "Running"
        }
        let items: [JSONValue] = pods.compactMap { pod in
            let runtime = world.currentRuntime(pod.storeKey)
            // Like metrics-server: no sample for a container that is not running (waiting in back-off), and no pod
            // without a running container (`kubectl top` then says its metrics are not available).
            let running = pod.spec.containers.filter { runtime?.containers[$0.name]?.runningSince != nil }
            guard !running.isEmpty else { return nil }
            let containers: [JSONValue] = running.map { container in
                let state = runtime?.containers[container.name]
                return .object([
                    "name": .string(container.name),
                    "usage": .object([
                        "cpu": .string("\(Int64((state?.cpuCores ?? 0) * 1e9))n"),
                        "memory": .string("\(Int64(state?.workingSetBytes ?? 0) / 1024)Ki"),
                    ]),
                ])
            }
            return .object([
                "metadata": .object([
                    "name": .string(pod.metadata.name ?? ""), "namespace": .string(pod.metadata.namespace ?? ""),
                    "creationTimestamp": .string(stamp),
                    "labels": .object((pod.metadata.labels ?? [:]).mapValues { .string($0) }),
                ]),
                "timestamp": .string(stamp), "window": "20.05s", "containers": .array(containers),
            ])
        }
        if let name = path.name, items.isEmpty { throw .notFound(.podMetrics, name) }
        return metricsBody(kind: "PodMetrics", items: items, single: path.name != nil)
    }

    private func metricsBody(kind: String, items: [JSONValue], single: Bool) -> APIResponse {
        let header: [String: JSONValue] = ["kind": .string(kind), "apiVersion": "metrics.k8s.io/v1beta1"]
        if single, case .object(let members)? = items.first {
            return .json(200, Array(JSONValue.object(members.merging(header) { $1 }).encoded()))
        }
        let list = JSONValue.object([
            "kind": .string(kind + "List"), "apiVersion": "metrics.k8s.io/v1beta1", "metadata": .object([:]),
            "items": .array(items),
        ])
        return .json(200, Array(list.encoded()))
    }

    /// `/api/v1/nodes/{node}/proxy/metrics/cadvisor`: Prometheus text from the simulated kubelet.
    func nodeProxy(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        guard let name = path.name, let node = world.store.get(Node.self, name) else {
            throw .notFound(.nodes, path.name ?? "")
        }
        guard request.method == "GET", path.rest == ["metrics", "cadvisor"] else { throw .pathNotFound() }
        guard node.isReady else {
            throw .serviceUnavailable(
                "error trying to reach service: dial tcp \(node.status.addresses.first?.address ?? ""):10250: connect: connection refused"
            )
        }
        return .text(
            200, CadvisorText.render(world: world, node: name), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
}

/// The cAdvisor metrics a kubelet serves, in Prometheus text format.
enum CadvisorText {
    static func render(world: ClusterWorld, node: String) -> String {
        var samples: [String: [String]] = [:]
        let stampMillis = Int64(world.now * 1000)
        for key in (world.store.podsByNode[node] ?? []).sorted() {
            guard let pod = world.store.get(Pod.self, key), let runtime = world.currentRuntime(key) else { continue }
            for container in pod.spec.containers {
                guard let state = runtime.containers[container.name] else { continue }
                let labels =
                    "container=\"\(escape(container.name))\",id=\"/kubepods/pod\(pod.metadata.uid ?? "")/\(state.containerID.suffix(12))\",image=\"\(escape(container.image ?? ""))\",name=\"\(state.containerID.suffix(12))\",namespace=\"\(escape(pod.metadata.namespace ?? ""))\",pod=\"\(escape(pod.metadata.name ?? ""))\""
                func add(_ metric: String, _ value: String) {
                    samples[metric, default: []].append("\(metric){\(labels)} \(value) \(stampMillis)")
                }
                add("container_memory_working_set_bytes", String(Int64(state.workingSetBytes)))
                add("container_spec_memory_limit_bytes", String(container.resources?.memoryLimitBytes ?? 0))
                add("container_oom_events_total", String(state.oomEvents))
                add("container_cpu_usage_seconds_total", String(format: "%.6f", state.cpuUsageSeconds))
                if let limit = container.resources?.cpuLimitMillis {
                    add("container_cpu_cfs_periods_total", String(state.cfsPeriods))
                    add("container_cpu_cfs_throttled_periods_total", String(state.cfsThrottledPeriods))
                    add("container_cpu_cfs_throttled_seconds_total", String(format: "%.6f", state.cfsThrottledSeconds))
                    add("container_spec_cpu_quota", String(limit * 100))
                    add("container_spec_cpu_period", "100000")
                }
            }
        }
        let help: [(String, String, String)] = [
            ("container_cpu_cfs_periods_total", "counter", "Number of elapsed enforcement period intervals."),
            ("container_cpu_cfs_throttled_periods_total", "counter", "Number of throttled period intervals."),
            (
                "container_cpu_cfs_throttled_seconds_total", "counter",
                "Total time duration the container has been throttled."
            ),
            ("container_cpu_usage_seconds_total", "counter", "Cumulative cpu time consumed in seconds."),
            ("container_memory_working_set_bytes", "gauge", "Current working set in bytes."),
            ("container_oom_events_total", "counter", "Count of out of memory events observed for the container"),
            ("container_spec_cpu_period", "gauge", "CPU period of the container."),
            ("container_spec_cpu_quota", "gauge", "CPU quota of the container."),
            ("container_spec_memory_limit_bytes", "gauge", "Memory limit for the container."),
        ]
        var text = ""
        for (metric, type, description) in help {
            text += "# HELP \(metric) \(description)\n# TYPE \(metric) \(type)\n"
            for line in samples[metric] ?? [] { text += line + "\n" }
        }
        return text
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
