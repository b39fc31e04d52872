/// How a strategic merge patch combines a list field, as declared by the
/// `patchStrategy`/`patchMergeKey` tags of the Kubernetes built-in types.
struct StrategicMergeSchema: Sendable {
    /// The merge behaviour for one list field.
    enum ListStrategy: Sendable, Equatable {
        /// The patch list replaces the original list (the default).
        case replace
        /// A list of scalars merged as a set union (e.g. `metadata.finalizers`).
        case mergePrimitives
        /// A list of objects merged element by element on the named key.
        case mergeByKey(String)
    }

    /// One schema entry: a field path suffix and its strategy.
    struct Rule: Sendable, Equatable {
        /// The trailing field names a path must end with, e.g. `["containers", "ports"]`.
        let pathSuffix: [String]
        let strategy: ListStrategy

        init(_ pathSuffix: [String], _ strategy: ListStrategy) {
            self.pathSuffix = pathSuffix
            self.strategy = strategy
        }
    }

    let rules: [Rule]

    /// The strategy for the list at `path` (object keys from the document root,
    /// list positions omitted). The rule with the longest matching suffix wins.
    func strategy(forPath path: [String]) -> ListStrategy {
        var best: Rule?
        for rule in rules
        where path.count >= rule.pathSuffix.count && path.suffix(rule.pathSuffix.count).elementsEqual(rule.pathSuffix) {
            if rule.pathSuffix.count > (best?.pathSuffix.count ?? 0) {
                best = rule
            }
        }
        return best?.strategy ?? .replace
    }

    /// The merge key for the list at `path`, or `nil` when it is not merged by key.
    func mergeKey(forPath path: [String]) -> String? {
        if case .mergeByKey(let key) = strategy(forPath: path) { key } else { nil }
    }

    /// The merge rules of the Kubernetes built-in types that Firebreak simulates.
    static let kubernetes = StrategicMergeSchema(rules: [
        Rule(["containers"], .mergeByKey("name")),
        Rule(["initContainers"], .mergeByKey("name")),
        Rule(["ephemeralContainers"], .mergeByKey("name")),
        Rule(["env"], .mergeByKey("name")),
        Rule(["volumes"], .mergeByKey("name")),
        Rule(["volumeMounts"], .mergeByKey("mountPath")),
        Rule(["volumeDevices"], .mergeByKey("devicePath")),
        Rule(["containers", "ports"], .mergeByKey("containerPort")),
        Rule(["initContainers", "ports"], .mergeByKey("containerPort")),
        Rule(["ephemeralContainers", "ports"], .mergeByKey("containerPort")),
        Rule(["spec", "ports"], .mergeByKey("port")),
        Rule(["conditions"], .mergeByKey("type")),
        Rule(["imagePullSecrets"], .mergeByKey("name")),
        Rule(["metadata", "ownerReferences"], .mergeByKey("uid")),
        Rule(["metadata", "finalizers"], .mergePrimitives),
        Rule(["tolerations"], .replace),
        Rule(["hostAliases"], .mergeByKey("ip")),
        Rule(["topologySpreadConstraints"], .mergeByKey("topologyKey")),
        Rule(["resourceClaims"], .mergeByKey("name")),
        Rule(["schedulingGates"], .mergeByKey("name")),
        Rule(["status", "addresses"], .mergeByKey("type")),
    ])
}
