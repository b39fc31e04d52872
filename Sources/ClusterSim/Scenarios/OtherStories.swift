/// CPU throttling of a credentials provider: scaled from 4 to 2 replicas at 1:00 with a 250m CPU limit while new
/// deployments raise its work (0.4 to 0.72 cores in all by 5:00); throttling passes 25 % and new pods fail to mount
/// their credentials. Either mitigation ends it: twice the limit (each replica wants at most 0.36 cores, under 80 %
/// of 500m with jitter) or scaling back out to 4 replicas (0.18 cores each, under 80 % of 250m).
struct CredentialsThrottling: Scenario {
    func setUp(_ world: ClusterWorld) {
        world.buildBaseCluster()
        world.addNamespace("iam")
        world.addDeployment(
            "iam", "credentials-provider", replicas: 4,
            containers: [
                .init(
                    name: "provider", image: "iam/credentials-provider:3.2.0",
                    requests: ["cpu": "100m", "memory": "128Mi"], limits: ["cpu": "250m", "memory": "256Mi"])
            ])
        world.addBudget("iam", "credentials-provider-pdb", app: "credentials-provider", minAvailable: .int(1))
        world.settle(seconds: 15)
    }

    func tick(_ world: ClusterWorld) {
        let t = world.elapsed
        if Int(t) == 60 {
            world.store.modify(Deployment.self, "iam/credentials-provider") { d in
                d.spec.replicas = 2
                d.metadata.generation = (d.metadata.generation ?? 1) + 1
                return true
            }
        }
        let total = ramp(t, from: 0.4, to: 0.72, start: 60, end: 300)
        let replicas = Double(
            max(1, world.store.get(Deployment.self, "iam/credentials-provider")?.status.readyReplicas ?? 1))
        world.setDemand(
            namespace: "iam", app: "credentials-provider", container: "provider",
            .steady(memoryBytes: 150 * mebibyte, cpuCores: total / replicas))
        if Int(t) % 120 == 90 {
            let name = "batch-\(Int(t) / 120)"
            world.addDeployment(
                "shop", name, replicas: 1,
                containers: [
                    .init(
                        name: "worker", image: "shop/batch:1.0.0", requests: ["cpu": "100m", "memory": "128Mi"],
                        limits: ["cpu": "500m", "memory": "256Mi"])
                ])
        }
        let throttled = throttledRatio(world)
        guard t > 120, Int(t) % 30 == 0, throttled > 0.25 else { return }
        for pod in world.store.all(Pod.self)
        where pod.metadata.namespace == "shop" && pod.metadata.labels?["app"]?.hasPrefix("batch-") == true {
            world.recordEvent(
                on: world.reference(to: pod), type: "Warning", reason: "FailedMount",
                message:
                    "MountVolume.SetUp failed for volume \"aws-iam-credentials\" : secret \"\(pod.metadata.labels?["app"] ?? "")-credentials\" not found",
                component: "kubelet", host: pod.spec.nodeName)
        }
    }

    /// Throttled share of the provider's CPU periods over the last tick, from the simulated cgroup counters.
    private func throttledRatio(_ world: ClusterWorld) -> Double {
        let demand = world.demands["iam/credentials-provider/provider"]?.cpu(world.elapsed, 0.5) ?? 0
        let limit =
            world.store.get(Deployment.self, "iam/credentials-provider")?.spec.template.spec.containers.first?
            .resources?.cpuLimitMillis ?? 250
        return max(0, 1 - Double(limit) / 1000 / max(demand, 0.001))
    }
}

/// API server outage: at 2:00 the server refuses connections for two simulated minutes; meanwhile the checkout
/// deployment is scaled, a frontend pod is OOM-killed and history is compacted, so clients must relist when it returns.
struct APIServerOutage: Scenario {
    func setUp(_ world: ClusterWorld) {
        world.buildBaseCluster()
        world.setDemand(
            namespace: "shop", app: "frontend", container: "web",
            ContainerDemand(
                memory: { t, jitter in
                    (jitter > 0.5 && t > 150 ? ramp(t, from: 200, to: 600, start: 150, end: 200) : 200) * mebibyte
                },
                cpu: { _, _ in 0.2 }))
        world.settle(seconds: 15)
    }

    func tick(_ world: ClusterWorld) {
        switch Int(world.elapsed) {
        case 110...119:
            if Int(world.elapsed) % 5 == 0 { world.faults.latencyMilliseconds = 400 }
        case 120:
            world.faults.latencyMilliseconds = 0
            world.startOutage(seconds: 120)
        case 170:
            world.store.modify(Deployment.self, "shop/checkout") { d in
                d.spec.replicas = 4
                d.metadata.generation = (d.metadata.generation ?? 1) + 1
                return true
            }
        case 235:
            world.store.compactAll()
        default: break
        }
    }
}

/// A runaway CronJob: `*/1` instead of `*/15 9-19 * * Mon-Fri`, its history limits under the pod template, and jobs that
/// never finish, in a namespace without a pod quota; 60 pods a minute until thousands crowd the namespace, nodes fill, and past 1,000 pods the API server slows.
struct CronJobExplosion: Scenario {
    func setUp(_ world: ClusterWorld) {
        world.buildBaseCluster()
        world.addNamespace("reports")
        var template = world.template(
            app: "report-generator",
            containers: [
                .init(
                    name: "report", image: "reports/generator:0.9.2", requests: ["cpu": "10m", "memory": "16Mi"],
                    limits: ["memory": "64Mi"])
            ])
        template.spec.restartPolicy = "Never"
        template.metadata?.annotations = [
            "reports.example.com/misplaced":
                "concurrencyPolicy=Forbid successfulJobsHistoryLimit=3 failedJobsHistoryLimit=1"
        ]
        let jobSpec = Job.Spec(parallelism: 60, completions: 60, backoffLimit: 6, template: template)
        _ = try? world.store.create(
            CronJob(
                metadata: ObjectMeta(name: "report-generator", namespace: "reports"),
                spec: .init(schedule: "*/1 * * * *", jobTemplate: .init(spec: jobSpec))))
        world.settle(seconds: 15)
    }

    func tick(_ world: ClusterWorld) {
        let pods = world.store.count(.pods)
        world.faults.latencyMilliseconds = pods > 1000 ? min(2000, (pods - 1000) / 2) : 0
    }
}

/// N nodes and M pods in deployments of ten, bound and running from the start, with steady churn.
struct ScaleScenario: Scenario {
    let options: ScenarioOptions

    func setUp(_ world: ClusterWorld) {
        world.addNamespace("default")
        world.addNamespace("kube-system")
        world.addQuota("default", "default-quota", hard: ["pods": "100"])
        for index in 0..<options.nodes {
            world.addNode(String(format: "node-%05d", index), cpu: 32, memoryGi: 128, pods: 250, index: index)
        }
        let perDeployment = 10
        let deployments = max(1, options.pods / perDeployment)
        let namespaces = max(1, deployments / 500)
        for n in 0..<namespaces { world.addNamespace("load-\(n)") }
        var nodeIndex = 0
        for d in 0..<deployments {
            let namespace = "load-\(d % namespaces)"
            let name = "app-\(d)"
            world.addDeployment(
                namespace, name, replicas: Int32(perDeployment),
                containers: [
                    .init(
                        name: "app", image: "load/app:1.0.\(d % 7)", requests: ["cpu": "50m", "memory": "64Mi"],
                        limits: ["cpu": "200m", "memory": "256Mi"])
                ])
            world.bindRunningPods(
                deployment: "\(namespace)/\(name)", count: min(perDeployment, options.pods - d * perDeployment),
                nodes: options.nodes, nextNode: &nodeIndex)
        }
        world.churnPerSecond = options.churnPerSecond
        world.startClock()
    }

    /// Deletes `churnPerSecond` random pods, fifty to a step so that requests can be served in between.
    func tick(_ world: ClusterWorld) {
        let churn = world.churnPerSecond
        world.runNext(
            stride(from: 0, to: churn, by: 50).map { start in
                { [unowned world] in
                    guard let table = world.store.table(.pods) else { return }
                    for _ in start..<min(churn, start + 50) where table.count > 0 {
                        let key = table.sortedKeys[Int(world.store.randomUnit() * Double(table.sortedKeys.count))]
                        if world.store.podFacts[key]?.isTerminating == false {
                            world.deletePodGracefully(key, gracePeriod: 1)
                        }
                    }
                }
            })
    }
}
