/// apps/v1 Deployment.
struct Deployment: Codable, Sendable {
    struct Spec: Codable, Sendable {
        var replicas: Int32?
        var selector: LabelSelector
        var template: PodTemplateSpec
        var strategy: Strategy?
        var paused: Bool?
        var revisionHistoryLimit: Int32? = 10
        var progressDeadlineSeconds: Int32? = 600
    }
    struct Strategy: Codable, Sendable {
        struct RollingUpdate: Codable, Sendable {
            var maxUnavailable: IntOrString?
            var maxSurge: IntOrString?
        }
        var type: String?
        var rollingUpdate: RollingUpdate?
    }
    struct Status: Codable, Sendable, Equatable {
        var observedGeneration: Int64?
        var replicas: Int32?
        var updatedReplicas: Int32?
        var readyReplicas: Int32?
        var availableReplicas: Int32?
        var unavailableReplicas: Int32?
        var conditions: [WorkloadCondition]?
    }
    var metadata: ObjectMeta
    var spec: Spec
    @Defaulted var status: Status = Status()
}

/// apps/v1 ReplicaSet.
struct ReplicaSet: Codable, Sendable {
    struct Spec: Codable, Sendable {
        var replicas: Int32?
        var selector: LabelSelector
        var template: PodTemplateSpec
    }
    struct Status: Codable, Sendable, Equatable {
        var replicas: Int32 = 0
        var fullyLabeledReplicas: Int32?
        var readyReplicas: Int32?
        var availableReplicas: Int32?
        var observedGeneration: Int64?
    }
    var metadata: ObjectMeta
    var spec: Spec
    @Defaulted var status: Status = Status()
}

/// apps/v1 DaemonSet.
struct DaemonSet: Codable, Sendable {
    struct Spec: Codable, Sendable {
        var selector: LabelSelector
        var template: PodTemplateSpec
        var updateStrategy: UpdateStrategy?
        var revisionHistoryLimit: Int32? = 10
    }
    struct UpdateStrategy: Codable, Sendable { var type: String? }
    struct Status: Codable, Sendable, Equatable {
        var currentNumberScheduled: Int32 = 0
        var numberMisscheduled: Int32 = 0
        var desiredNumberScheduled: Int32 = 0
        var numberReady: Int32 = 0
        var observedGeneration: Int64?
        var updatedNumberScheduled: Int32?
        var numberAvailable: Int32?
        var numberUnavailable: Int32?
    }
    var metadata: ObjectMeta
    var spec: Spec
    @Defaulted var status: Status = Status()
}

/// apps/v1 StatefulSet.
struct StatefulSet: Codable, Sendable {
    struct Spec: Codable, Sendable {
        var replicas: Int32?
        var selector: LabelSelector
        var template: PodTemplateSpec
        var serviceName: String?
        var updateStrategy: DaemonSet.UpdateStrategy?
        var revisionHistoryLimit: Int32? = 10
    }
    struct Status: Codable, Sendable, Equatable {
        var observedGeneration: Int64?
        var replicas: Int32 = 0
        var readyReplicas: Int32?
        var currentReplicas: Int32?
        var updatedReplicas: Int32?
        var availableReplicas: Int32?
        var currentRevision: String?
        var updateRevision: String?
    }
    var metadata: ObjectMeta
    var spec: Spec
    @Defaulted var status: Status = Status()
}

/// batch/v1 Job.
struct Job: Codable, Sendable {
    struct Spec: Codable, Sendable {
        var parallelism: Int32?
        var completions: Int32?
        var backoffLimit: Int32?
        var template: PodTemplateSpec
    }
    struct Status: Codable, Sendable, Equatable {
        var active: Int32?
        var succeeded: Int32?
        var failed: Int32?
        var startTime: Timestamp?
    }
    var metadata: ObjectMeta
    var spec: Spec
    @Defaulted var status: Status = Status()
}

/// batch/v1 CronJob.
struct CronJob: Codable, Sendable {
    struct Spec: Codable, Sendable {
        struct JobTemplate: Codable, Sendable {
            var metadata: ObjectMeta?
            var spec: Job.Spec
        }
        var schedule: String
        var concurrencyPolicy: String?
        var suspend: Bool?
        var successfulJobsHistoryLimit: Int32?
        var failedJobsHistoryLimit: Int32?
        var jobTemplate: JobTemplate
    }
    struct Status: Codable, Sendable, Equatable {
        var lastScheduleTime: Timestamp?
        var active: [ObjectReference]?
    }
    var metadata: ObjectMeta
    var spec: Spec
    @Defaulted var status: Status = Status()
}

/// `Available`/`Progressing` conditions of a Deployment.
struct WorkloadCondition: Codable, Sendable, Equatable {
    var type: String
    var status: String
    var lastUpdateTime: Timestamp?
    var lastTransitionTime: Timestamp?
    var reason: String?
    var message: String?
}

/// core/v1 ObjectReference.
struct ObjectReference: Codable, Sendable, Equatable {
    var kind: String?
    var namespace: String?
    var name: String?
    var uid: String?
    var apiVersion: String?
    var resourceVersion: String?
    var fieldPath: String?
}
