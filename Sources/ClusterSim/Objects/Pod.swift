/// core/v1 Pod.
struct Pod: Codable, Sendable {
    var metadata: ObjectMeta
    var spec: PodSpec
    @Defaulted var status: PodStatus = PodStatus()
}

struct PodTemplateSpec: Codable, Sendable, Equatable {
    var metadata: ObjectMeta?
    var spec: PodSpec
}

struct PodSpec: Codable, Sendable, Equatable {
    var containers: [Container]
    var initContainers: [Container]?
    var volumes: [Volume]?
    var restartPolicy: String? = "Always"
    var terminationGracePeriodSeconds: Int64? = 30
    var activeDeadlineSeconds: Int64?
    var dnsPolicy: String? = "ClusterFirst"
    var serviceAccountName: String?
    var serviceAccount: String?
    var nodeName: String?
    var securityContext: [String: String]?
    var nodeSelector: [String: String]?
    var schedulerName: String? = "default-scheduler"
    var priorityClassName: String?
    var priority: Int32?
    var enableServiceLinks: Bool?
    var preemptionPolicy: String?
    var tolerations: [Toleration]?

    init(containers: [Container]) { self.containers = containers }
}

struct Container: Codable, Sendable, Equatable {
    var name: String
    var image: String?
    var args: [String]?
    var ports: [ContainerPort]?
    var env: [EnvVar]?
    var resources: ResourceRequirements?
    var resizePolicy: [ContainerResizePolicy]?
    var volumeMounts: [VolumeMount]?
    var terminationMessagePath: String? = "/dev/termination-log"
    var terminationMessagePolicy: String? = "File"
    var imagePullPolicy: String? = "IfNotPresent"

    init(name: String, image: String, resources: ResourceRequirements?) {
        self.name = name
        self.image = image
        self.resources = resources
    }
}

struct ContainerPort: Codable, Sendable, Equatable {
    var name: String?
    var containerPort: Int32
    var `protocol`: String? = "TCP"
}

struct EnvVar: Codable, Sendable, Equatable {
    var name: String
    var value: String?
}

struct ContainerResizePolicy: Codable, Sendable, Equatable {
    var resourceName: String
    var restartPolicy: String
}

struct VolumeMount: Codable, Sendable, Equatable {
    var name: String
    var mountPath: String
    var readOnly: Bool?
}

struct Volume: Codable, Sendable, Equatable {
    struct EmptyDir: Codable, Sendable, Equatable { var sizeLimit: String? }
    struct HostPath: Codable, Sendable, Equatable {
        var path: String
        var type: String?
    }
    struct SecretSource: Codable, Sendable, Equatable { var secretName: String }
    var name: String
    var emptyDir: EmptyDir?
    var hostPath: HostPath?
    var secret: SecretSource?
}

struct Toleration: Codable, Sendable, Equatable {
    var key: String?
    var `operator`: String?
    var value: String?
    var effect: String?
    var tolerationSeconds: Int64?
}

/// `requests` and `limits` as Kubernetes quantity strings (`170Mi`, `250m`).
struct ResourceRequirements: Codable, Sendable, Equatable {
    var limits: [String: String]?
    var requests: [String: String]?

    init(requests: [String: String]? = nil, limits: [String: String]? = nil) {
        self.requests = requests
        self.limits = limits
    }

    var memoryLimitBytes: Int64? { limits?["memory"].flatMap { Quantity.bytes($0) } }
    var memoryRequestBytes: Int64? { requests?["memory"].flatMap { Quantity.bytes($0) } }
    var cpuLimitMillis: Int64? { limits?["cpu"].flatMap { Quantity.millis($0) } }
    var cpuRequestMillis: Int64? { requests?["cpu"].flatMap { Quantity.millis($0) } }
}

struct PodStatus: Codable, Sendable, Equatable {
    var phase: String?
    var conditions: [PodCondition]?
    var message: String?
    var reason: String?
    var hostIP: String?
    var hostIPs: [PodIP]?
    var podIP: String?
    var podIPs: [PodIP]?
    var startTime: Timestamp?
    var containerStatuses: [ContainerStatus]?
    var qosClass: String?
    var observedGeneration: Int64?
}

struct PodIP: Codable, Sendable, Equatable { var ip: String }

extension PodSpec {
    /// The defaults admission adds to every new pod: service account, priority, and the 300 s not-ready/unreachable tolerations.
    mutating func applyAdmissionDefaults() {
        serviceAccountName = serviceAccountName ?? "default"
        serviceAccount = serviceAccountName
        securityContext = securityContext ?? [:]
        priority = priority ?? 0
        enableServiceLinks = enableServiceLinks ?? true
        preemptionPolicy = preemptionPolicy ?? "PreemptLowerPriority"
        var current = tolerations ?? []
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
        where !current.contains(where: { $0.key == key }) {
            current.append(Toleration(key: key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300))
        }
        tolerations = current
    }
}

struct PodCondition: Codable, Sendable, Equatable {
    var type: String
    var status: String
    var reason: String?
    var message: String?
    var lastProbeTime: Timestamp?
    var lastTransitionTime: Timestamp?
    var observedGeneration: Int64?
}

struct ContainerStatus: Codable, Sendable, Equatable {
    var name: String
    var state: ContainerState
    var lastState: ContainerState
    var ready: Bool
    var restartCount: Int32
    var image: String
    var imageID: String
    var containerID: String?
    var started: Bool?
    var allocatedResources: [String: String]?
    var resources: ResourceRequirements?
}

struct ContainerState: Codable, Sendable, Equatable {
    struct Waiting: Codable, Sendable, Equatable {
        var reason: String?
        var message: String?
    }
    struct Running: Codable, Sendable, Equatable { var startedAt: Timestamp? }
    struct Terminated: Codable, Sendable, Equatable {
        var exitCode: Int32
        var reason: String?
        var message: String?
        var startedAt: Timestamp?
        var finishedAt: Timestamp?
        var containerID: String?
    }
    var waiting: Waiting?
    var running: Running?
    var terminated: Terminated?

    static let empty = ContainerState()
}
