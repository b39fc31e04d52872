/// A request path resolved to a resource, the way kube-apiserver's request-info resolver reads it.
struct ResourcePath: Sendable, Equatable {
    let resource: ResourceType
    let namespace: String?
    let name: String?
    let subresource: String?
    /// Path segments after the subresource (the node proxy's target path).
    let rest: [String]

    /// Parses `/api/v1/...` and `/apis/<group>/<version>/...`; nil for anything that is not a resource path.
    init?(path: String) {
        var segments = path.split(separator: "/").map(String.init)
        let group: String
        let version: String
        if segments.first == "api", segments.count >= 3 {
            group = ""
            version = segments[1]
            segments.removeFirst(2)
        } else if segments.first == "apis", segments.count >= 4 {
            group = segments[1]
            version = segments[2]
            segments.removeFirst(3)
        } else {
            return nil
        }
        var namespace: String?
        if segments.first == "namespaces", segments.count >= 3 {
            namespace = segments[1]
            segments.removeFirst(2)
        }
        guard let plural = segments.first,
            let resource = ResourceType.lookup(group: group, version: version, plural: plural)
        else { return nil }
        if resource.isNamespaced == false, namespace != nil { return nil }
        self.resource = resource
        self.namespace = namespace
        self.name = segments.count > 1 ? segments[1] : nil
        self.subresource = segments.count > 2 ? segments[2] : nil
        self.rest = segments.count > 3 ? Array(segments[3...]) : []
    }

    var key: String? { name.map { StoreKey.make(namespace: namespace, name: $0) } }
}
