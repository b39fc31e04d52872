/// `/version`, health, and API discovery in both the aggregated (v2) and the per-group forms.
enum Discovery {
    static let version: JSONValue = .object([
        "major": "1", "minor": "36", "emulationMajor": "1", "emulationMinor": "36", "minCompatibilityMajor": "1",
        "minCompatibilityMinor": "35",
        "gitVersion": "v1.36.2-firebreak-sim", "gitCommit": "0000000000000000000000000000000000000000",
        "gitTreeState": "clean",
        "buildDate": "2026-11-21T00:00:00Z", "goVersion": "go1.26.4", "compiler": "gc", "platform": "linux/amd64",
    ])

    static let aggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

    /// The discovery answer for `request`, or nil when the path is not a discovery path.
    static func answer(_ request: APIRequest) -> APIResponse? {
        guard request.method == "GET" else { return nil }
        let aggregated = request.header("Accept")?.contains("as=APIGroupDiscoveryList") ?? false
        switch request.path {
        case "/version": return .json(200, Array(version.encoded()))
        case "/healthz", "/livez", "/readyz": return .text(200, "ok")
        case "/api":
            if aggregated { return aggregatedList(groups: [""]) }
            return .json(
                200,
                Array(
                    JSONValue.object([
                        "kind": "APIVersions", "versions": ["v1"],
                        "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1:6443"]],
                    ]).encoded()))
        case "/apis":
            if aggregated { return aggregatedList(groups: groups.filter { !$0.isEmpty }) }
            return .json(200, Array(groupList().encoded()))
        default: break
        }
        let segments = request.path.split(separator: "/").map(String.init)
        if segments == ["api", "v1"] { return .json(200, Array(resourceList(group: "", version: "v1").encoded())) }
        if segments.count == 3, segments[0] == "apis", versions(of: segments[1]).contains(segments[2]) {
            return .json(200, Array(resourceList(group: segments[1], version: segments[2]).encoded()))
        }
        if segments.count == 2, segments[0] == "apis", let versions = Optional(versions(of: segments[1])),
            !versions.isEmpty
        {
            return .json(200, Array(group(segments[1]).encoded()))
        }
        return nil
    }

    private static var groups: [String] {
        var seen: [String] = []
        for resource in ResourceType.served where !seen.contains(resource.group) { seen.append(resource.group) }
        return seen
    }

    private static func versions(of group: String) -> [String] {
        var seen: [String] = []
        for resource in ResourceType.served where resource.group == group && !seen.contains(resource.version) {
            seen.append(resource.version)
        }
        return seen
    }

    private static func group(_ name: String) -> JSONValue {
        let versions = versions(of: name).map {
            JSONValue.object(["groupVersion": .string("\(name)/\($0)"), "version": .string($0)])
        }
        return .object([
            "kind": "APIGroup", "apiVersion": "v1", "name": .string(name), "versions": .array(versions),
            "preferredVersion": versions[0],
        ])
    }

    private static func groupList() -> JSONValue {
        .object([
            "kind": "APIGroupList", "apiVersion": "v1",
            "groups": .array(
                groups.filter { !$0.isEmpty }.map { g -> JSONValue in
                    guard case .object(var members) = group(g) else { return .null }
                    members["kind"] = nil
                    members["apiVersion"] = nil
                    return .object(members)
                }),
        ])
    }

    private static func resourceList(group: String, version: String) -> JSONValue {
        var resources: [JSONValue] = []
        for resource in ResourceType.served where resource.group == group && resource.version == version {
            var entry: [String: JSONValue] = [
                "name": .string(resource.plural), "singularName": .string(resource.singular),
                "namespaced": .bool(resource.isNamespaced), "kind": .string(resource.kind),
                "verbs": .array(resource.verbs.map { .string($0) }),
            ]
            if !resource.shortNames.isEmpty { entry["shortNames"] = .array(resource.shortNames.map { .string($0) }) }
            if !resource.categories.isEmpty { entry["categories"] = .array(resource.categories.map { .string($0) }) }
            resources.append(.object(entry))
            for sub in resource.subresources {
                var subEntry: [String: JSONValue] = [
                    "name": .string("\(resource.plural)/\(sub.name)"), "singularName": "",
                    "namespaced": .bool(resource.isNamespaced), "kind": .string(sub.kind),
                    "verbs": .array(sub.verbs.map { .string($0) }),
                ]
                if !sub.group.isEmpty {
                    subEntry["group"] = .string(sub.group)
                    subEntry["version"] = .string(sub.version)
                }
                resources.append(.object(subEntry))
            }
        }
        return .object([
            "kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"),
            "resources": .array(resources),
        ])
    }

    private static func aggregatedList(groups names: [String]) -> APIResponse {
        let items: [JSONValue] = names.map { name in
            let versions: [JSONValue] = versions(of: name).map { version in
                let resources: [JSONValue] = ResourceType.served.filter { $0.group == name && $0.version == version }
                    .map { resource in
                        var entry: [String: JSONValue] = [
                            "resource": .string(resource.plural),
                            "responseKind": .object(["group": "", "version": "", "kind": .string(resource.kind)]),
                            "scope": .string(resource.isNamespaced ? "Namespaced" : "Cluster"),
                            "singularResource": .string(resource.singular),
                            "verbs": .array(resource.verbs.map { .string($0) }),
                        ]
                        if !resource.shortNames.isEmpty {
                            entry["shortNames"] = .array(resource.shortNames.map { .string($0) })
                        }
                        if !resource.categories.isEmpty {
                            entry["categories"] = .array(resource.categories.map { .string($0) })
                        }
                        if !resource.subresources.isEmpty {
                            entry["subresources"] = .array(
                                resource.subresources.map { sub in
                                    .object([
                                        "subresource": .string(sub.name),
                                        "responseKind": .object([
                                            "group": .string(sub.group), "version": .string(sub.version),
                                            "kind": .string(sub.kind),
                                        ]),
                                        "verbs": .array(sub.verbs.map { .string($0) }),
                                    ])
                                })
                        }
                        return .object(entry)
                    }
                return .object(["version": .string(version), "resources": .array(resources), "freshness": "Current"])
            }
            return .object([
                "metadata": .object(name.isEmpty ? [:] : ["name": .string(name)]), "versions": .array(versions),
            ])
        }
        let body = JSONValue.object([
            "kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2", "metadata": .object([:]),
            "items": .array(items),
        ])
        return .full(
            status: 200, headers: [("Content-Type", aggregatedContentType), ("Cache-Control", "public")],
            body: Array(body.encoded()))
    }
}
