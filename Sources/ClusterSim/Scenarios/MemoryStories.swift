let mebibyte = 1_048_576.0

/// A value that rises linearly from `from` to `to` between `start` and `end` seconds, flat outside.
func ramp(_ t: Double, from: Double, to: Double, start: Double, end: Double) -> Double {
    if t <= start { return from }
    if t >= end { return to }
    return from + (to - from) * (t - start) / (end - start)
}

/// CoreDNS OOM under a DNS spike: demand rises from 60Mi to about 220Mi between 0:40 and 2:30 and stays there,
/// so the 170Mi limit is passed within three minutes; a limit of 256Mi or more ends the story.
struct CoreDNSSpike: Scenario {
    func setUp(_ world: ClusterWorld) {
        world.buildBaseCluster()
        world.setDemand(
            namespace: "kube-system", app: "kube-dns", container: "coredns",
            ContainerDemand(
                memory: { t, jitter in
                    ramp(t, from: 60, to: 215, start: 40, end: 150) * mebibyte * (0.98 + 0.04 * jitter)
                },
                cpu: { t, _ in ramp(t, from: 0.05, to: 0.6, start: 40, end: 150) }))
        world.settle(seconds: 15)
    }

    func tick(_ world: ClusterWorld) {
        guard world.elapsed > 150, Int(world.elapsed) % 30 == 0 else { return }
        let dnsReady =
            world.store.all(Deployment.self).first { $0.metadata.name == "coredns" }?.status.readyReplicas ?? 0
        guard dnsReady < 2 else { return }
        for pod in world.store.all(Pod.self)
        where pod.metadata.labels?["app"] == "skipper-ingress" && pod.status.phase == "Running" {
            world.recordEvent(
                on: world.reference(to: pod).withFieldPath("spec.containers{skipper}"), type: "Warning",
                reason: "Unhealthy",
                message:
                    "Readiness probe failed: HTTP probe failed with statuscode: 502 (lookup shop-frontend.shop.svc.cluster.local: i/o timeout)",
                component: "kubelet", host: pod.spec.nodeName)
        }
    }
}

/// Ingress OOM from in-flight requests: the search backend slows at 1:00, in-flight requests pile up in the shared
/// ingress, whose memory climbs from 125Mi past its 500Mi limit on every replica; a limit of 768Mi or more ends it.
struct IngressInflightOOM: Scenario {
    func setUp(_ world: ClusterWorld) {
        world.buildBaseCluster()
        world.setDemand(
            namespace: "kube-system", app: "skipper-ingress", container: "skipper",
            ContainerDemand(
                memory: { t, jitter in
                    ramp(t, from: 120, to: 640, start: 60, end: 240) * mebibyte * (0.97 + 0.06 * jitter)
                },
                cpu: { t, _ in ramp(t, from: 0.3, to: 0.9, start: 60, end: 240) }))
        world.setDemand(
            namespace: "shop", app: "search", container: "search", .steady(memoryBytes: 300 * mebibyte, cpuCores: 0.95))
        world.settle(seconds: 15)
    }

    func tick(_ world: ClusterWorld) {
        guard world.elapsed >= 60, Int(world.elapsed) % 20 == 0 else { return }
        for pod in world.store.all(Pod.self)
        where pod.metadata.labels?["app"] == "search" && pod.status.phase == "Running" {
            world.recordEvent(
                on: world.reference(to: pod).withFieldPath("spec.containers{search}"), type: "Warning",
                reason: "Unhealthy",
                message:
                    "Readiness probe failed: Get \"http://\(pod.status.podIP ?? ""):8080/health\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
                component: "kubelet", host: pod.spec.nodeName)
        }
    }
}

/// Kubelet memory leak: node-3's kubelet grows from 300Mi to about 15Gi over ten minutes from 1:00:
/// MemoryPressure, then a system OOM that kills every container and the kubelet (NotReady), then taint eviction.
struct KubeletMemoryLeak: Scenario {
    static let node = "node-3"

    func setUp(_ world: ClusterWorld) {
        world.buildBaseCluster()
        world.kubeletMemory[Self.node] = 300 * mebibyte
        world.settle(seconds: 15)
    }

    func tick(_ world: ClusterWorld) {
        world.kubeletMemory[Self.node] = ramp(world.elapsed, from: 300, to: 15_500, start: 60, end: 660) * mebibyte
    }
}

extension ObjectReference {
    func withFieldPath(_ path: String) -> ObjectReference {
        var copy = self
        copy.fieldPath = path
        return copy
    }
}
