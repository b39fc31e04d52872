/// Object keys grouped by an index value (a node name, an owner), as a client-go `Indexer` keeps them:
/// updated object by object, so a lookup never scans the whole store.
struct ObjectIndex<Value: Hashable & Sendable>: Sendable, Equatable {
    private var keys: [Value: Set<ObjectKey>] = [:]

    subscript(_ value: Value) -> Set<ObjectKey> { keys[value] ?? [] }

    mutating func insert(_ key: ObjectKey, under value: Value?) {
        guard let value else { return }
        keys[value, default: []].insert(key)
    }

    mutating func remove(_ key: ObjectKey, under value: Value?) {
        guard let value, var set = keys[value] else { return }
        set.remove(key)
        keys[value] = set.isEmpty ? nil : set
    }

    mutating func removeAll() { keys.removeAll() }
}
