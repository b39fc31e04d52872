import Foundation

extension ClusterWorld {
    /// Keeps a ControllerRevision for an owner's current pod template, as the DaemonSet and StatefulSet controllers do:
    /// named `<owner>-<hash>`, numbered one past the newest (a template that comes back is renumbered), labelled with
    /// `labelKey: hash`, and at most `historyLimit` older revisions kept.
    func keepRevision(
        kind: String, owner metadata: ObjectMeta, template: PodTemplateSpec, hash: String, labelKey: String,
        historyLimit: Int32?
    ) {
        guard let namespace = metadata.namespace, let name = metadata.name, let uid = metadata.uid else { return }
        let revisions = ownedRevisions(namespace: namespace, prefix: name + "-", ownerUID: uid)
        let newest = revisions.map(\.revision).max() ?? 0
        let key = StoreKey.make(namespace: namespace, name: "\(name)-\(hash)")
        if let current = revisions.first(where: { $0.storeKey == key }) {
            guard current.revision < newest else { return }
            store.modify(ControllerRevision.self, key) {
                $0.revision = newest + 1
                return true
            }
            return
        }
        var meta = ObjectMeta(
            name: "\(name)-\(hash)", namespace: namespace,
            labels: (template.metadata?.labels ?? [:]).merging([labelKey: hash]) { $1 })
        meta.ownerReferences = [ownerReference(kind: kind, apiVersion: "apps/v1", metadata: metadata)]
        _ = try? store.create(
            ControllerRevision(metadata: meta, data: revisionData(template), revision: newest + 1))
        let limit = Int(historyLimit ?? 10)
        let old = revisions.sorted { $0.revision < $1.revision }
        for revision in old.prefix(max(0, old.count - limit)) {
            store.remove(.controllerRevisions, revision.storeKey)
        }
    }

    /// The owner's revisions: their names start with the owner's, so only that slice of the sorted table is read.
    private func ownedRevisions(namespace: String, prefix: String, ownerUID: String) -> [ControllerRevision] {
        guard let table = store.table(.controllerRevisions) else { return [] }
        let start = StoreKey.make(namespace: namespace, name: prefix)
        var index = table.insertionIndex(of: start)
        var found: [ControllerRevision] = []
        while index < table.sortedKeys.count, table.sortedKeys[index].hasPrefix(start) {
            if let revision = table.objects[table.sortedKeys[index]]?.object as? ControllerRevision,
                revision.metadata.controller?.uid == ownerUID
            {
                found.append(revision)
            }
            index += 1
        }
        return found
    }

    /// What the real controllers store: a patch that replaces the template.
    private func revisionData(_ template: PodTemplateSpec) -> JSONValue? {
        guard let encoded = try? JSONValue(encoding: template) else { return nil }
        return .object(["spec": .object(["template": encoded.setting("$patch", "replace")])])
    }
}
