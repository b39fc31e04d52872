import ClusterModel
import Foundation

/// The sample cluster's workloads: CoreDNS rolled out with a lower memory limit ten minutes before its OOM kills,
/// a stalled checkout rollout, a StatefulSet, a DaemonSet and the runaway report CronJob with its Jobs.
enum SampleWorkloads {
    static let mi = SampleCluster.mi
    static func ago(_ seconds: TimeInterval) -> Date { SampleCluster.ago(seconds) }

    static func coredns(memoryLimit: Int64, image: String = "registry.k8s.io/coredns/coredns:v1.11.1")
        -> [ContainerSpecSummary]
    {
        [
            ContainerSpecSummary(
                name: "coredns",
                resources: ContainerResources(
                    cpuRequestMillis: 100, memoryRequestBytes: 70 * mi, memoryLimitBytes: memoryLimit), image: image,
                envNames: ["GOMAXPROCS"])
        ]
    }

    static let workloads = [
        WorkloadSummary(
            kind: "Deployment", namespace: "kube-system", name: "coredns", desiredReplicas: 2, readyReplicas: 1,
            availableReplicas: 1, updatedReplicas: 2, templateContainers: coredns(memoryLimit: 170 * mi),
            createdAt: ago(30 * 86_400), replicas: 2, revision: 3,
            progressing: ConditionSummary(status: .isTrue, reason: "NewReplicaSetAvailable")),
        WorkloadSummary(
            kind: "ReplicaSet", namespace: "kube-system", name: "coredns-5d78c9869d", desiredReplicas: 0,
            controller: OwnerRef(kind: "Deployment", name: "coredns"),
            templateContainers: coredns(memoryLimit: 256 * mi, image: "registry.k8s.io/coredns/coredns:v1.10.1"),
            createdAt: ago(30 * 86_400), revision: 1, deploymentReplicas: 2),
        WorkloadSummary(
            kind: "ReplicaSet", namespace: "kube-system", name: "coredns-6c9d8b7f5", desiredReplicas: 0,
            controller: OwnerRef(kind: "Deployment", name: "coredns"),
            templateContainers: coredns(memoryLimit: 256 * mi),
            createdAt: ago(2 * 86_400), revision: 2, deploymentReplicas: 2),
        WorkloadSummary(
            kind: "ReplicaSet", namespace: "kube-system", name: "coredns-7db6d8ff4d", desiredReplicas: 2,
            readyReplicas: 1, availableReplicas: 1, controller: OwnerRef(kind: "Deployment", name: "coredns"),
            templateContainers: coredns(memoryLimit: 170 * mi), createdAt: ago(3 * 3_600 + 600), revision: 3,
            deploymentReplicas: 2),
        WorkloadSummary(
            kind: "Deployment", namespace: "shop", name: "checkout-api", desiredReplicas: 3, readyReplicas: 3,
            availableReplicas: 3, updatedReplicas: 1, generation: 5, observedGeneration: 5,
            createdAt: ago(40 * 86_400), replicas: 4, revision: 7,
            progressing: ConditionSummary(status: .isFalse, reason: "ProgressDeadlineExceeded")),
        WorkloadSummary(
            kind: "StatefulSet", namespace: "shop", name: "cart-redis", desiredReplicas: 2, readyReplicas: 2,
            availableReplicas: 2, updatedReplicas: 2, createdAt: ago(40 * 86_400), replicas: 2,
            currentRevision: "cart-redis-6b8f", updateRevision: "cart-redis-6b8f"),
        WorkloadSummary(
            kind: "DaemonSet", namespace: "kube-system", name: "kube-proxy", desiredReplicas: 3, readyReplicas: 2,
            availableReplicas: 2, updatedReplicas: 3, createdAt: ago(60 * 86_400), replicas: 3),
    ]

    static let revisions = [
        RevisionSummary(
            namespace: "shop", name: "cart-redis-6b8f", controller: OwnerRef(kind: "StatefulSet", name: "cart-redis"),
            revision: 1, createdAt: ago(40 * 86_400), hash: "6b8f",
            templateContainers: [ContainerSpecSummary(name: "redis", image: "redis:7.2")])
    ]

    static let cronJob = CronJobSummary(
        namespace: "reports", name: "report-generator", createdAt: ago(3 * 3_600), schedule: "*/1 * * * *",
        lastScheduleTime: ago(20), activeJobs: 2)

    static let jobs = [
        JobSummary(
            namespace: "reports", name: "report-generator-29871200",
            controller: OwnerRef(kind: "CronJob", name: "report-generator"), createdAt: ago(80), completions: 60,
            parallelism: 60, active: 60, startTime: ago(80)),
        JobSummary(
            namespace: "reports", name: "report-generator-29871201",
            controller: OwnerRef(kind: "CronJob", name: "report-generator"), createdAt: ago(20), completions: 60,
            parallelism: 60, active: 60, startTime: ago(20)),
    ]
}
