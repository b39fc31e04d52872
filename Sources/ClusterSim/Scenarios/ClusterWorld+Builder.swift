/// Building blocks for scenarios: nodes, namespaces, workloads and budgets like a small production cluster's.
extension ClusterWorld {
    struct ContainerSpec {
        var name: String
        var image: String
        var requests: [String: String]
        var limits: [String: String]
    }

    func addNamespace(_ name: String) {
        _ = try? store.create(
            Namespace(metadata: ObjectMeta(name: name, labels: ["kubernetes.io/metadata.name": name])))
    }

    func addNode(_ name: String, cpu: Int = 4, memoryGi: Int = 16, pods: Int = 110, index: Int) {
        let info = NodeSystemInfo(
            machineID: String(name.hashValueStable, radix: 16), systemUUID: store.makeUID(), bootID: store.makeUID(),
            kernelVersion: "6.1.0-28-amd64", osImage: "Debian GNU/Linux 12 (bookworm)",
            containerRuntimeVersion: "containerd://1.7.24",
            kubeletVersion: "v1.36.2", kubeProxyVersion: "", operatingSystem: "linux", architecture: "amd64")
        let conditions = [
            ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
        ].map {
            NodeCondition(
                type: $0.0, status: $0.1, lastHeartbeatTime: timestamp, lastTransitionTime: timestamp, reason: $0.2,
                message: $0.3)
        }
        let status = NodeStatus(
            capacity: [
                "cpu": "\(cpu)", "memory": "\(memoryGi * 1_048_576)Ki", "pods": "\(pods)",
                "ephemeral-storage": "102687672Ki",
            ],
            allocatable: [
                "cpu": "\(cpu * 1000 - 100)m", "memory": "\(memoryGi * 1_048_576 - 800_000)Ki", "pods": "\(pods)",
                "ephemeral-storage": "94635070922",
            ],
            conditions: conditions,
            addresses: [
                NodeAddress(type: "InternalIP", address: "10.1.\(index / 250).\(index % 250 + 10)"),
                NodeAddress(type: "Hostname", address: name),
            ],
            daemonEndpoints: DaemonEndpoints(kubeletEndpoint: .init(Port: 10250)), nodeInfo: info)
        let labels = [
            "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
            "node-role.kubernetes.io/worker": "", "topology.kubernetes.io/zone": "zone-\(["a", "b", "c"][index % 3])",
        ]
        _ = try? store.create(
            Node(
                metadata: ObjectMeta(name: name, labels: labels), spec: NodeSpec(podCIDR: "10.244.\(index % 250).0/24"),
                status: status))
    }

    func template(app: String, containers: [ContainerSpec], extraLabels: [String: String] = [:]) -> PodTemplateSpec {
        let labels = ["app": app].merging(extraLabels) { $1 }
        return PodTemplateSpec(
            metadata: ObjectMeta(name: "", labels: labels).withoutName,
            spec: PodSpec(
                containers: containers.map {
                    Container(
                        name: $0.name, image: $0.image,
                        resources: ResourceRequirements(requests: $0.requests, limits: $0.limits))
                }))
    }

    func addDeployment(
        _ namespace: String, _ name: String, replicas: Int32, containers: [ContainerSpec], app: String? = nil
    ) {
        let app = app ?? name
        let meta = ObjectMeta(name: name, namespace: namespace, labels: ["app": app])
        _ = try? store.create(
            Deployment(
                metadata: meta,
                spec: .init(
                    replicas: replicas, selector: LabelSelector(matchLabels: ["app": app]),
                    template: template(app: app, containers: containers),
                    strategy: .init(
                        type: "RollingUpdate",
                        rollingUpdate: .init(maxUnavailable: .string("25%"), maxSurge: .string("25%"))))))
    }

    func addDaemonSet(_ namespace: String, _ name: String, containers: [ContainerSpec]) {
        var template = template(app: name, containers: containers)
        template.spec.tolerations = [Toleration(operator: "Exists")]
        template.spec.volumes = [Volume(name: "varlog", hostPath: .init(path: "/var/log", type: ""))]
        _ = try? store.create(
            DaemonSet(
                metadata: ObjectMeta(name: name, namespace: namespace, labels: ["app": name]),
                spec: .init(
                    selector: LabelSelector(matchLabels: ["app": name]), template: template,
                    updateStrategy: .init(type: "RollingUpdate"))))
    }

    func addStatefulSet(_ namespace: String, _ name: String, replicas: Int32, containers: [ContainerSpec]) {
        _ = try? store.create(
            StatefulSet(
                metadata: ObjectMeta(name: name, namespace: namespace, labels: ["app": name]),
                spec: .init(
                    replicas: replicas, selector: LabelSelector(matchLabels: ["app": name]),
                    template: template(app: name, containers: containers), serviceName: name,
                    updateStrategy: .init(type: "RollingUpdate"))))
    }

    func addBudget(
        _ namespace: String, _ name: String, app: String, minAvailable: IntOrString? = nil,
        maxUnavailable: IntOrString? = nil
    ) {
        _ = try? store.create(
            PodDisruptionBudget(
                metadata: ObjectMeta(name: name, namespace: namespace),
                spec: .init(
                    minAvailable: minAvailable, maxUnavailable: maxUnavailable,
                    selector: LabelSelector(matchLabels: ["app": app]))))
    }

    /// A ResourceQuota with the given hard limits.
    func addQuota(_ namespace: String, _ name: String, hard: [String: String]) {
        _ = try? store.create(
            ResourceQuota(metadata: ObjectMeta(name: name, namespace: namespace), spec: .init(hard: hard)))
    }

    /// A LimitRange giving containers that set none a default request and memory limit.
    func addContainerDefaults(_ namespace: String, request: [String: String], limit: [String: String]) {
        _ = try? store.create(
            LimitRange(
                metadata: ObjectMeta(name: "container-defaults", namespace: namespace),
                spec: .init(limits: [.init(type: "Container", default: limit, defaultRequest: request)])))
    }

    /// What kube-apiserver creates in every cluster: the two system PriorityClasses.
    func addBuiltInObjects() {
        for (name, value, description) in [
            (
                "system-cluster-critical", Int32(2_000_000_000),
                "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."
            ),
            (
                "system-node-critical", Int32(2_000_001_000),
                "Used for system critical pods that must not be moved from their current node."
            ),
        ] {
            _ = try? store.create(
                PriorityClass(metadata: ObjectMeta(name: name), value: value, description: description))
        }
    }

    /// A healthy cluster of `nodes` nodes with CoreDNS, a shared ingress, kube-proxy, a log agent, and a shop (deployments
    /// with budgets and a StatefulSet).
    func buildBaseCluster(nodes: Int = 4) {
        for namespace in ["default", "kube-system", "kube-public", "kube-node-lease", "logging", "shop"] {
            addNamespace(namespace)
        }
        addQuota("shop", "shop-quota", hard: ["pods": "50", "requests.cpu": "8", "requests.memory": "16Gi"])
        addContainerDefaults("shop", request: ["cpu": "100m", "memory": "128Mi"], limit: ["memory": "512Mi"])
        for index in 1...nodes { addNode("node-\(index)", index: index) }
        addDeployment(
            "kube-system", "coredns", replicas: 2,
            containers: [
                ContainerSpec(
                    name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.12.1",
                    requests: ["cpu": "100m", "memory": "70Mi"], limits: ["memory": "170Mi"])
            ], app: "kube-dns")
        addBudget("kube-system", "coredns-pdb", app: "kube-dns", maxUnavailable: .int(1))
        addDeployment(
            "kube-system", "skipper-ingress", replicas: 3,
            containers: [
                ContainerSpec(
                    name: "skipper", image: "registry.opensource.zalan.do/teapot/skipper:v0.21.1",
                    requests: ["cpu": "500m", "memory": "125Mi"], limits: ["memory": "500Mi"])
            ])
        addBudget("kube-system", "skipper-ingress-pdb", app: "skipper-ingress", minAvailable: .int(2))
        addDaemonSet(
            "kube-system", "kube-proxy",
            containers: [
                ContainerSpec(
                    name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.36.2",
                    requests: ["cpu": "100m", "memory": "64Mi"], limits: [:])
            ])
        addDaemonSet(
            "logging", "fluent-bit",
            containers: [
                ContainerSpec(
                    name: "fluent-bit", image: "cr.fluentbit.io/fluent/fluent-bit:3.2",
                    requests: ["cpu": "50m", "memory": "64Mi"], limits: ["memory": "200Mi"])
            ])
        addDeployment(
            "shop", "frontend", replicas: 3,
            containers: [
                ContainerSpec(
                    name: "web", image: "shop/frontend:2.4.1", requests: ["cpu": "250m", "memory": "256Mi"],
                    limits: ["cpu": "1", "memory": "512Mi"])
            ])
        addBudget("shop", "frontend-pdb", app: "frontend", minAvailable: .int(2))
        addDeployment(
            "shop", "checkout", replicas: 2,
            containers: [
                ContainerSpec(
                    name: "app", image: "shop/checkout:1.9.0", requests: ["cpu": "200m", "memory": "256Mi"],
                    limits: ["cpu": "500m", "memory": "512Mi"])
            ])
        addBudget("shop", "checkout-pdb", app: "checkout", minAvailable: .int(1))
        addStatefulSet(
            "shop", "cart-redis", replicas: 2,
            containers: [
                ContainerSpec(
                    name: "redis", image: "redis:7.4", requests: ["cpu": "100m", "memory": "128Mi"],
                    limits: ["memory": "256Mi"])
            ])
        addDeployment(
            "shop", "search", replicas: 2,
            containers: [
                ContainerSpec(
                    name: "search", image: "shop/search:5.0.3", requests: ["cpu": "300m", "memory": "512Mi"],
                    limits: ["cpu": "1", "memory": "1Gi"])
            ])
    }
}

extension ObjectMeta {
    /// Pod template metadata carries no name.
    var withoutName: ObjectMeta {
        var copy = self
        copy.name = nil
        return copy
    }
}

extension ClusterWorld {
    /// Creates a deployment's ReplicaSet and `count` pods already bound to nodes and running: the fast path for big clusters.
    func bindRunningPods(deployment key: String, count: Int, nodes: Int, nextNode: inout Int) {
        guard let deployment = store.get(Deployment.self, key), let namespace = deployment.metadata.namespace,
            let name = deployment.metadata.name
        else { return }
        let hash = templateHash(deployment.spec.template)
        var template = deployment.spec.template
        template.metadata?.labels?["pod-template-hash"] = hash
        var meta = ObjectMeta(
            name: "\(name)-\(hash)", namespace: namespace, labels: template.metadata?.labels,
            annotations: ["deployment.kubernetes.io/revision": "1"])
        meta.ownerReferences = [
            ownerReference(kind: "Deployment", apiVersion: "apps/v1", metadata: deployment.metadata)
        ]
        var selector = deployment.spec.selector
        selector.matchLabels?["pod-template-hash"] = hash
        guard
            let replicaSet = try? store.create(
                ReplicaSet(metadata: meta, spec: .init(replicas: Int32(count), selector: selector, template: template)))
        else { return }
        let owner = ownerReference(kind: "ReplicaSet", apiVersion: "apps/v1", metadata: replicaSet.metadata)
        for _ in 0..<count {
            let nodeName = String(format: "node-%05d", nextNode % nodes)
            nextNode += 1
            let index = nextNode
            createPod(
                from: template, namespace: namespace, generateName: "\(name)-\(hash)-", owner: owner,
                nodeName: nodeName,
                status: { self.runningStatus($0, node: nodeName, index: index) })
        }
    }

    /// The status of a pod that has been running since it was created.
    func runningStatus(_ pod: Pod, node: String, index: Int) -> PodStatus {
        let started = timestamp
        let statuses = pod.spec.containers.map { container in
            ContainerStatus(
                name: container.name, state: ContainerState(running: .init(startedAt: started)), lastState: .empty,
                ready: true, restartCount: 0,
                image: container.image ?? "", imageID: "docker.io/\(container.image ?? "")",
                containerID: "containerd://\(store.makeSuffix(12))",
                started: true, allocatedResources: container.resources?.requests, resources: container.resources)
        }
        let conditions = ["PodReadyToStartContainers", "Initialized", "ContainersReady", "Ready", "PodScheduled"].map {
            PodCondition(type: $0, status: "True", lastTransitionTime: started)
        }
        return PodStatus(
            phase: "Running", conditions: conditions, hostIP: "10.1.\(index / 250 % 250).\(index % 250)",
            hostIPs: [PodIP(ip: "10.1.\(index / 250 % 250).\(index % 250)")],
            podIP: "10.\(64 + index / 65_000).\(index / 250 % 250).\(index % 250)",
            podIPs: [PodIP(ip: "10.\(64 + index / 65_000).\(index / 250 % 250).\(index % 250)")],
            startTime: started, containerStatuses: statuses, qosClass: qosClass(pod.spec), observedGeneration: 1)
    }

    /// Starts the story clock without settling (the caller built a running cluster directly).
    func startClock() { settle(seconds: 0) }
}
