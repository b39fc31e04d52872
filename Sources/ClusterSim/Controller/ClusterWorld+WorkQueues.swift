extension ClusterWorld {
    /// The keys a controller reconciles this tick, in key order: every key in full-visit mode; in change-driven mode
    /// the keys written since it last looked (or whose owned objects were), plus this tick's share of the resync.
    func keysToReconcile(_ resource: ResourceType) -> [String] {
        let changed = queues.takeOwners(resource)
        guard let table = store.table(resource) else { return [] }
        guard controllerMode == .changeDriven else { return Array(table.sortedKeys) }
        return changed.union(resyncShare(of: table)).sorted()
    }

    /// The next `1/resyncTicks` of a table's keys, going round: every object is looked at again once in
    /// `resyncTicks` ticks even if no change reached its controller, as informers resync.
    func resyncShare(of table: ResourceTable) -> [String] {
        let count = table.count
        guard count > 0, resyncTicks > 0 else { return [] }
        let share = (count + resyncTicks - 1) / resyncTicks
        var start = resyncCursors[table.resource, default: 0]
        if start >= count { start = 0 }
        let end = min(count, start + share)
        resyncCursors[table.resource] = end
        return Array(table.sortedKeys[start..<end])
    }
}
