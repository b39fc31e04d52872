import ArgumentParser
import ClusterModel

/// Which cluster and namespace to look at: the options every command that reads a real cluster shares.
struct ClusterTargetOptions: ParsableArguments {
    @Option(help: "The kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then in-cluster).")
    var kubeconfig: String?

    @Option(help: "The kubeconfig context (default: the current context).")
    var context: String?

    @Option(help: "Watch only this namespace (default: all namespaces).")
    var namespace: String?

    /// The endpoint these options name, resolved like kubectl does.
    func endpoint() throws -> ClusterEndpoint {
        try KubeconfigLoader().load(kubeconfigPath: kubeconfig, context: context)
    }
}
