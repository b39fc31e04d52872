import Foundation
import Testing

@testable import ClusterModel

@Suite("Workload, Job, CronJob and ControllerRevision decoding")
struct WorkloadDecodingTests {
    static let replicaSet = #"""
        {"metadata":{"name":"coredns-7db6d8ff4d","namespace":"kube-system","uid":"u1","resourceVersion":"41",
        "creationTimestamp":"2026-11-21T10:00:00Z","labels":{"pod-template-hash":"7db6d8ff4d"},
        "annotations":{"deployment.kubernetes.io/revision":"3","deployment.kubernetes.io/desired-replicas":"2"},
        "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"coredns","uid":"d1","controller":true}]},
        "spec":{"replicas":2,"selector":{"matchLabels":{"k8s-app":"kube-dns"}},"template":{"metadata":{"labels":{}},
        "spec":{"containers":[{"name":"coredns","image":"registry.k8s.io/coredns/coredns:v1.11.1",
        "env":[{"name":"GOMAXPROCS","value":"2"},{"name":"TZ","valueFrom":{"fieldRef":{"fieldPath":"x"}}}],
        "resources":{"limits":{"memory":"170Mi"},"requests":{"cpu":"100m","memory":"70Mi"}}}]}}},
        "status":{"replicas":2,"readyReplicas":2,"availableReplicas":2,"observedGeneration":1}}
        """#

    static let deployment = #"""
        {"metadata":{"name":"web","namespace":"shop","generation":4,"annotations":{"deployment.kubernetes.io/revision":"4"}},
        "spec":{"replicas":3,"paused":false,"template":{"spec":{"containers":[{"name":"web","image":"shop/web:2"}]}}},
        "status":{"observedGeneration":4,"replicas":4,"updatedReplicas":1,"readyReplicas":3,"availableReplicas":3,
        "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"},
        {"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded",
        "message":"ReplicaSet \"web-5d\" has timed out progressing.","lastTransitionTime":"2026-11-21T10:05:00Z"}]}}
        """#

    static let job = #"""
        {"metadata":{"name":"report-generator-29800000","namespace":"reports","uid":"j1","resourceVersion":"7",
        "creationTimestamp":"2026-11-21T10:00:00Z",
        "ownerReferences":[{"kind":"CronJob","name":"report-generator","uid":"c1","controller":true}]},
        "spec":{"parallelism":60,"completions":60,"backoffLimit":6,"template":{"spec":{"restartPolicy":"Never",
        "containers":[{"name":"report","image":"reports/generator:0.9.2","resources":{"limits":{"memory":"64Mi"}}}]}}},
        "status":{"active":57,"succeeded":3,"failed":1,"startTime":"2026-11-21T10:00:01Z",
        "conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]}}
        """#

    static let cronJob = #"""
        {"metadata":{"name":"report-generator","namespace":"reports","uid":"c1","creationTimestamp":"2026-11-21T09:00:00Z"},
        "spec":{"schedule":"*/1 * * * *","suspend":false,"jobTemplate":{"spec":{"template":{"spec":{
        "containers":[{"name":"report","image":"reports/generator:0.9.2"}]}}}}},
        "status":{"lastScheduleTime":"2026-11-21T10:00:00Z","active":[{"kind":"Job","name":"a"},{"kind":"Job","name":"b"}]}}
        """#

    static let revision = #"""
        {"metadata":{"name":"cart-redis-6b8f","namespace":"shop","creationTimestamp":"2026-11-21T10:00:00Z",
        "labels":{"app":"cart-redis","controller.kubernetes.io/hash":"6b8f","controller-revision-hash":"6b8f"},
        "ownerReferences":[{"kind":"StatefulSet","name":"cart-redis","uid":"s1","controller":true}]},
        "data":{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"cart-redis"}},
        "spec":{"containers":[{"name":"redis","image":"redis:7.2","resources":{"limits":{"memory":"256Mi"}}}]}}}},
        "revision":2}
        """#

    static func list(_ object: String) -> Data {
        Data(#"{"metadata":{"resourceVersion":"1"},"items":[\#(object)]}"#.utf8)
    }

    static func both<T: ScannableObject & Equatable>(_ type: T.Type, _ object: String, _ resource: ResourceKind) throws
        -> T
    {
        let data = list(object)
        let fast = try #require(ResourceDecoding.scanList(T.self, from: data, resource: resource))
        let reference = try ResourceDecoding.decode(ObjectList<T>.self, from: data, resource: resource)
        #expect(fast.items == reference.items, "the scanner and Codable agree on \(resource)")
        return try #require(fast.items.first)
    }

    @Test func replicaSetKeepsItsRevisionTemplateImagesAndVariableNames() throws {
        let replicaSet = try Self.both(WorkloadSummary.self, Self.replicaSet, .replicaSets)
        #expect(replicaSet.revision == 3)
        #expect(replicaSet.deploymentReplicas == 2)
        #expect(replicaSet.controller == OwnerRef(kind: "Deployment", name: "coredns"))
        #expect(replicaSet.replicas == 2)
        let container = try #require(replicaSet.templateContainers.first)
        #expect(container.image == "registry.k8s.io/coredns/coredns:v1.11.1")
        #expect(container.envNames == ["GOMAXPROCS", "TZ"])
        #expect(container.resources.memoryLimitBytes == 170 << 20)
    }

    @Test func deploymentKeepsItsProgressingConditionAndReplicaCount() throws {
        let deployment = try Self.both(WorkloadSummary.self, Self.deployment, .deployments)
        #expect(deployment.progressing?.reason == "ProgressDeadlineExceeded")
        #expect(deployment.progressing?.status == .isFalse)
        #expect(deployment.replicas == 4)
        #expect(deployment.updatedReplicas == 1)
        #expect(RolloutState.of(deployment: deployment) == .stalled(reason: "ProgressDeadlineExceeded"))
    }

    @Test func jobKeepsItsCountsConditionsAndCronJob() throws {
        let job = try Self.both(JobSummary.self, Self.job, .jobs)
        #expect(job.controller == OwnerRef(kind: "CronJob", name: "report-generator"))
        #expect((job.completions, job.parallelism, job.active, job.succeeded, job.failed) == (60, 60, 57, 3, 1))
        #expect(job.failure?.reason == "BackoffLimitExceeded")
        #expect(job.complete == nil)
        #expect(job.startTime == KubeTime.parse("2026-11-21T10:00:01Z"))
        #expect(job.templateContainers.first?.image == "reports/generator:0.9.2")
    }

    @Test func cronJobKeepsItsScheduleAndActiveJobs() throws {
        let cronJob = try Self.both(CronJobSummary.self, Self.cronJob, .cronJobs)
        #expect(cronJob.schedule == "*/1 * * * *")
        #expect(cronJob.activeJobs == 2)
        #expect(cronJob.isSuspended == false)
        #expect(cronJob.lastScheduleTime == KubeTime.parse("2026-11-21T10:00:00Z"))
        #expect(cronJob.templateContainers.map(\.name) == ["report"])
    }

    @Test func controllerRevisionKeepsItsNumberHashAndTemplate() throws {
        let revision = try Self.both(RevisionSummary.self, Self.revision, .controllerRevisions)
        #expect(revision.revision == 2)
        #expect(revision.hash == "6b8f")
        #expect(revision.controller == OwnerRef(kind: "StatefulSet", name: "cart-redis"))
        #expect(revision.templateContainers.first?.image == "redis:7.2")
        #expect(revision.templateContainers.first?.resources.memoryLimitBytes == 256 << 20)
    }

    @Test func podsKeepNoImageOrVariableNames() throws {
        let pod = #"""
            {"metadata":{"name":"p","namespace":"n"},"spec":{"containers":[{"name":"c","image":"i:1",
            "env":[{"name":"A","value":"1"}]}]}}
            """#
        let decoded = try Self.both(PodSummary.self, pod, .pods)
        #expect(decoded.containers == [ContainerSpecSummary(name: "c")])
    }
}
