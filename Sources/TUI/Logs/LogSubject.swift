/// The pod whose log is asked for, with its containers as the cluster last showed them.
public struct LogSubject: Hashable, Sendable {
    public var namespace: String
    public var pod: String
    public var containers: [ContainerChoice]
    /// The container already chosen (on a container's row); nil to choose when the pod has several.
    public var container: String?

    public init(namespace: String, pod: String, containers: [ContainerChoice], container: String? = nil) {
        self.namespace = namespace
        self.pod = pod
        self.containers = containers
        self.container = container
    }
}

/// One container of a pod, as the picker and the log view's title show it.
public struct ContainerChoice: Hashable, Sendable {
    public var name: String
    /// `Running`, `CrashLoopBackOff`, `Terminated: Completed`, ...
    public var state: String
    public var restarts: Int
    /// How its previous run ended (`OOMKilled, exit 137`); nil when it never restarted.
    public var lastTermination: String?

    public init(name: String, state: String, restarts: Int = 0, lastTermination: String? = nil) {
        self.name = name
        self.state = state
        self.restarts = restarts
        self.lastTermination = lastTermination
    }
}
