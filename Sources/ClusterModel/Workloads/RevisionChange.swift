import Foundation

/// One difference between a revision's pod template and the one before it.
public enum RevisionChange: Sendable, Hashable, CustomStringConvertible {
    case image(container: String, from: String?, to: String?)
    case memoryLimit(container: String, from: Int64?, to: Int64?)
    case memoryRequest(container: String, from: Int64?, to: Int64?)
    case cpuLimit(container: String, from: Int64?, to: Int64?)
    case cpuRequest(container: String, from: Int64?, to: Int64?)
    case envAdded(container: String, names: [String])
    case envRemoved(container: String, names: [String])
    case containerAdded(String)
    case containerRemoved(String)
    /// The Deployment's replicas when each ReplicaSet was last scaled.
    case replicas(from: Int, to: Int)

    public var description: String {
        switch self {
        case .image(let container, let from, let to):
            Self.images(from, to) + " (\(container))"
        case .memoryLimit(let container, let from, let to):
            "memory limit \(Self.bytes(from)) → \(Self.bytes(to)) (\(container))"
        case .memoryRequest(let container, let from, let to):
            "memory request \(Self.bytes(from)) → \(Self.bytes(to)) (\(container))"
        case .cpuLimit(let container, let from, let to):
            "CPU limit \(Self.cores(from)) → \(Self.cores(to)) (\(container))"
        case .cpuRequest(let container, let from, let to):
            "CPU request \(Self.cores(from)) → \(Self.cores(to)) (\(container))"
        case .envAdded(let container, let names):
            "env added \(names.joined(separator: ", ")) (\(container))"
        case .envRemoved(let container, let names):
            "env removed \(names.joined(separator: ", ")) (\(container))"
        case .containerAdded(let name): "container \(name) added"
        case .containerRemoved(let name): "container \(name) removed"
        case .replicas(let from, let to): "replicas \(from) → \(to)"
        }
    }

    /// What changed from `old` to `new` (containers matched by name, in `new`'s order, removed ones last).
    public static func between(
        _ old: [ContainerSpecSummary], _ new: [ContainerSpecSummary], oldReplicas: Int? = nil, newReplicas: Int? = nil
    ) -> [RevisionChange] {
        var changes: [RevisionChange] = []
        for container in new {
            guard let before = old.first(where: { $0.name == container.name }) else {
                changes.append(.containerAdded(container.name))
                continue
            }
            changes += between(before, container)
        }
        for container in old where !new.contains(where: { $0.name == container.name }) {
            changes.append(.containerRemoved(container.name))
        }
        if let oldReplicas, let newReplicas, oldReplicas != newReplicas {
            changes.append(.replicas(from: oldReplicas, to: newReplicas))
        }
        return changes
    }

    private static func between(_ old: ContainerSpecSummary, _ new: ContainerSpecSummary) -> [RevisionChange] {
        let name = new.name
        let (was, now) = (old.resources, new.resources)
        var changes: [RevisionChange] = []
        if old.image != new.image { changes.append(.image(container: name, from: old.image, to: new.image)) }
        if was.memoryLimitBytes != now.memoryLimitBytes {
            changes.append(.memoryLimit(container: name, from: was.memoryLimitBytes, to: now.memoryLimitBytes))
        }
        if was.memoryRequestBytes != now.memoryRequestBytes {
            changes.append(.memoryRequest(container: name, from: was.memoryRequestBytes, to: now.memoryRequestBytes))
        }
        if was.cpuLimitMillis != now.cpuLimitMillis {
            changes.append(.cpuLimit(container: name, from: was.cpuLimitMillis, to: now.cpuLimitMillis))
        }
        if was.cpuRequestMillis != now.cpuRequestMillis {
            changes.append(.cpuRequest(container: name, from: was.cpuRequestMillis, to: now.cpuRequestMillis))
        }
        let added = new.envNames.filter { !old.envNames.contains($0) }
        let removed = old.envNames.filter { !new.envNames.contains($0) }
        if !added.isEmpty { changes.append(.envAdded(container: name, names: added)) }
        if !removed.isEmpty { changes.append(.envRemoved(container: name, names: removed)) }
        return changes
    }

    /// `image coredns v1.10.1 → v1.11.1` when only the tag changed, else both references in full.
    private static func images(_ from: String?, _ to: String?) -> String {
        guard let from, let to, let fromTag = from.lastIndex(of: ":"), let toTag = to.lastIndex(of: ":"),
            from[..<fromTag] == to[..<toTag], !from[..<fromTag].hasSuffix("/")
        else { return "image \(from ?? "none") → \(to ?? "none")" }
        let name = from[..<fromTag].split(separator: "/").last.map(String.init) ?? ""
        return "image \(name) \(from[from.index(after: fromTag)...]) → \(to[to.index(after: toTag)...])"
    }

    private static func bytes(_ value: Int64?) -> String { value.map(Formatting.bytes) ?? "none" }
    private static func cores(_ value: Int64?) -> String { value.map(Formatting.millicores) ?? "none" }
}
