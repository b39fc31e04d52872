/// The Kubernetes v1.36 messages of every stored built-in type, as far as the simulator keeps them. Field numbers come
/// from the `generated.proto` files of k8s.io/api and k8s.io/apimachinery (see `k8s-protobuf.md`).
extension ProtobufSchema {
    static let kubernetes = ProtobufSchema(envelope + meta + core + workloads + policy)

    private static let meta: [(String, [(Int, String, Kind)])] = [
        ("Quantity", [(1, "string", .string)]),
        ("Time", [(1, "seconds", .int), (2, "nanos", .int)]),
        ("IntOrString", [(1, "type", .int), (2, "intVal", .int), (3, "strVal", .string)]),
        ("TypeMeta", [(1, "apiVersion", .string), (2, "kind", .string)]),
        (
            "ObjectMeta",
            [
                (1, "name", .string), (2, "generateName", .string), (3, "namespace", .string), (5, "uid", .string),
                (6, "resourceVersion", .string), (7, "generation", .int), (8, "creationTimestamp", .time),
                (9, "deletionTimestamp", .time), (10, "deletionGracePeriodSeconds", .int),
                (11, "labels", .map(.string)), (12, "annotations", .map(.string)),
                (13, "ownerReferences", .list(.message("OwnerReference"))), (14, "finalizers", .list(.string)),
            ]
        ),
        (
            "OwnerReference",
            [
                (5, "apiVersion", .string), (1, "kind", .string), (3, "name", .string), (4, "uid", .string),
                (6, "controller", .bool), (7, "blockOwnerDeletion", .bool),
            ]
        ),
        (
            "LabelSelector",
            [(1, "matchLabels", .map(.string)), (2, "matchExpressions", .list(.message("LabelSelectorRequirement")))]
        ),
        ("LabelSelectorRequirement", [(1, "key", .string), (2, "operator", .string), (3, "values", .list(.string))]),
    ]

    private static let core: [(String, [(Int, String, Kind)])] = [
        ("Namespace", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("NamespaceSpec"))]),
        ("NamespaceSpec", [(1, "finalizers", .list(.string))]),
        (
            "Node",
            [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("NodeSpec"))]
        ),
        (
            "NodeSpec",
            [
                (1, "podCIDR", .string), (3, "providerID", .string), (4, "unschedulable", .bool),
                (5, "taints", .list(.message("Taint"))),
            ]
        ),
        ("Taint", [(1, "key", .string), (2, "value", .string), (3, "effect", .string), (4, "timeAdded", .time)]),
        ("Pod", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("PodSpec"))]),
        (
            "PodSpec",
            [
                (1, "volumes", .list(.message("Volume"))), (20, "initContainers", .list(.message("Container"))),
                (2, "containers", .list(.message("Container"))), (3, "restartPolicy", .string),
                (4, "terminationGracePeriodSeconds", .int), (5, "activeDeadlineSeconds", .int),
                (6, "dnsPolicy", .string), (7, "nodeSelector", .map(.string)), (8, "serviceAccountName", .string),
                (9, "serviceAccount", .string), (10, "nodeName", .string), (19, "schedulerName", .string),
                (22, "tolerations", .list(.message("Toleration"))), (24, "priorityClassName", .string),
                (25, "priority", .int), (30, "enableServiceLinks", .bool), (31, "preemptionPolicy", .string),
            ]
        ),
        (
            "Container",
            [
                (1, "name", .string), (2, "image", .string), (4, "args", .list(.string)),
                (6, "ports", .list(.message("ContainerPort"))), (7, "env", .list(.message("EnvVar"))),
                (8, "resources", .message("ResourceRequirements")),
                (23, "resizePolicy", .list(.message("ContainerResizePolicy"))),
                (9, "volumeMounts", .list(.message("VolumeMount"))), (13, "terminationMessagePath", .string),
                (20, "terminationMessagePolicy", .string), (14, "imagePullPolicy", .string),
            ]
        ),
        ("ContainerPort", [(1, "name", .string), (3, "containerPort", .int), (4, "protocol", .string)]),
        ("EnvVar", [(1, "name", .string), (2, "value", .string)]),
        ("ContainerResizePolicy", [(1, "resourceName", .string), (2, "restartPolicy", .string)]),
        ("ResourceRequirements", [(1, "limits", .map(.quantity)), (2, "requests", .map(.quantity))]),
        ("VolumeMount", [(1, "name", .string), (2, "readOnly", .bool), (3, "mountPath", .string)]),
        ("Volume", [(1, "name", .string), (2, "volumeSource", .inline("VolumeSource"))]),
        (
            "VolumeSource",
            [
                (1, "hostPath", .message("HostPathVolumeSource")), (2, "emptyDir", .message("EmptyDirVolumeSource")),
                (6, "secret", .message("SecretVolumeSource")),
            ]
        ),
        ("HostPathVolumeSource", [(1, "path", .string), (2, "type", .string)]),
        ("EmptyDirVolumeSource", [(2, "sizeLimit", .quantity)]),
        ("SecretVolumeSource", [(1, "secretName", .string)]),
        (
            "Toleration",
            [
                (1, "key", .string), (2, "operator", .string), (3, "value", .string), (4, "effect", .string),
                (5, "tolerationSeconds", .int),
            ]
        ),
        ("PodTemplateSpec", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("PodSpec"))]),
        (
            "Event",
            [
                (1, "metadata", .message("ObjectMeta")), (2, "involvedObject", .message("ObjectReference")),
                (3, "reason", .string), (4, "message", .string), (5, "source", .message("EventSource")),
                (6, "firstTimestamp", .time), (7, "lastTimestamp", .time), (8, "count", .int), (9, "type", .string),
                (10, "eventTime", .microTime), (14, "reportingComponent", .string),
                (15, "reportingInstance", .string),
            ]
        ),
        ("EventSource", [(1, "component", .string), (2, "host", .string)]),
        (
            "ObjectReference",
            [
                (1, "kind", .string), (2, "namespace", .string), (3, "name", .string), (4, "uid", .string),
                (5, "apiVersion", .string), (6, "resourceVersion", .string), (7, "fieldPath", .string),
            ]
        ),
        (
            "ConfigMap",
            [
                (1, "metadata", .message("ObjectMeta")), (2, "data", .map(.string)), (3, "binaryData", .map(.bytes)),
                (4, "immutable", .bool),
            ]
        ),
        (
            "Secret",
            [
                (1, "metadata", .message("ObjectMeta")), (2, "data", .map(.bytes)), (3, "type", .string),
                (4, "stringData", .map(.string)), (5, "immutable", .bool),
            ]
        ),
        ("ResourceQuota", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("ResourceQuotaSpec"))]),
        ("ResourceQuotaSpec", [(1, "hard", .map(.quantity)), (2, "scopes", .list(.string))]),
        ("LimitRange", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("LimitRangeSpec"))]),
        ("LimitRangeSpec", [(1, "limits", .list(.message("LimitRangeItem")))]),
        (
            "LimitRangeItem",
            [
                (1, "type", .string), (2, "max", .map(.quantity)), (3, "min", .map(.quantity)),
                (4, "default", .map(.quantity)), (5, "defaultRequest", .map(.quantity)),
                (6, "maxLimitRequestRatio", .map(.quantity)),
            ]
        ),
    ]

    private static let workloads: [(String, [(Int, String, Kind)])] = [
        ("Deployment", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("DeploymentSpec"))]),
        (
            "DeploymentSpec",
            [
                (1, "replicas", .int), (2, "selector", .message("LabelSelector")),
                (3, "template", .message("PodTemplateSpec")), (4, "strategy", .message("DeploymentStrategy")),
                (6, "revisionHistoryLimit", .int), (7, "paused", .bool), (9, "progressDeadlineSeconds", .int),
            ]
        ),
        ("DeploymentStrategy", [(1, "type", .string), (2, "rollingUpdate", .message("RollingUpdate"))]),
        ("RollingUpdate", [(1, "maxUnavailable", .intOrString), (2, "maxSurge", .intOrString)]),
        ("ReplicaSet", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("ReplicaSetSpec"))]),
        (
            "ReplicaSetSpec",
            [
                (1, "replicas", .int), (2, "selector", .message("LabelSelector")),
                (3, "template", .message("PodTemplateSpec")),
            ]
        ),
        ("DaemonSet", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("DaemonSetSpec"))]),
        (
            "DaemonSetSpec",
            [
                (1, "selector", .message("LabelSelector")), (2, "template", .message("PodTemplateSpec")),
                (3, "updateStrategy", .message("UpdateStrategy")), (6, "revisionHistoryLimit", .int),
            ]
        ),
        ("UpdateStrategy", [(1, "type", .string)]),
        ("StatefulSet", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("StatefulSetSpec"))]),
        (
            "StatefulSetSpec",
            [
                (1, "replicas", .int), (2, "selector", .message("LabelSelector")),
                (3, "template", .message("PodTemplateSpec")), (5, "serviceName", .string),
                (7, "updateStrategy", .message("UpdateStrategy")), (8, "revisionHistoryLimit", .int),
            ]
        ),
        (
            "ControllerRevision",
            [(1, "metadata", .message("ObjectMeta")), (2, "data", .rawJSON), (3, "revision", .int)]
        ),
        ("Job", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("JobSpec"))]),
        (
            "JobSpec",
            [
                (1, "parallelism", .int), (2, "completions", .int), (7, "backoffLimit", .int),
                (6, "template", .message("PodTemplateSpec")),
            ]
        ),
        ("CronJob", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("CronJobSpec"))]),
        (
            "CronJobSpec",
            [
                (1, "schedule", .string), (3, "concurrencyPolicy", .string), (4, "suspend", .bool),
                (5, "jobTemplate", .message("JobTemplateSpec")), (6, "successfulJobsHistoryLimit", .int),
                (7, "failedJobsHistoryLimit", .int),
            ]
        ),
        ("JobTemplateSpec", [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("JobSpec"))]),
    ]

    private static let policy: [(String, [(Int, String, Kind)])] = [
        (
            "PodDisruptionBudget",
            [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("PodDisruptionBudgetSpec"))]
        ),
        (
            "PodDisruptionBudgetSpec",
            [
                (1, "minAvailable", .intOrString), (2, "selector", .message("LabelSelector")),
                (3, "maxUnavailable", .intOrString), (4, "unhealthyPodEvictionPolicy", .string),
            ]
        ),
        (
            "PriorityClass",
            [
                (1, "metadata", .message("ObjectMeta")), (2, "value", .int), (3, "globalDefault", .bool),
                (4, "description", .string), (5, "preemptionPolicy", .string),
            ]
        ),
        (
            "SelfSubjectAccessReview",
            [(1, "metadata", .message("ObjectMeta")), (2, "spec", .message("SelfSubjectAccessReviewSpec"))]
        ),
        (
            "SelfSubjectAccessReviewSpec",
            [
                (1, "resourceAttributes", .message("ResourceAttributes")),
                (2, "nonResourceAttributes", .message("NonResourceAttributes")),
            ]
        ),
        (
            "ResourceAttributes",
            [
                (1, "namespace", .string), (2, "verb", .string), (3, "group", .string), (4, "version", .string),
                (5, "resource", .string), (6, "subresource", .string), (7, "name", .string),
            ]
        ),
        ("NonResourceAttributes", [(1, "path", .string), (2, "verb", .string)]),
    ]
}
