import Foundation

/// All stored objects of the simulated cluster: one table per resource, a global resourceVersion counter,
/// indexes the controllers need, and the hook that fans changes out to watchers. Owned by `SimCluster`.
final class ObjectStore {
    private(set) var resourceVersion: Int64 = 1
    private var tables: [ResourceType: ResourceTable] = [:]
    /// The pods' table, held apart: it is read on every pod lookup, and a `ResourceType` key hashes two strings.
    private let podTable: ResourceTable
    private let encoder = JSONBytesEncoder()
    private var random: SeededRandom
    /// Pod keys by node name (`""` for pods not yet scheduled).
    private(set) var podsByNode: [String: Set<String>] = [:]
    /// Each pod's facts, by key.
    private(set) var podFacts: [String: PodFacts] = [:]
    /// The open watches, told of every change.
    let hub = WatchHub()
    var clock: () -> Timestamp
    /// Told of every write and removal with the object before and after (nil when there was none, or is none now):
    /// the controllers' work queues are fed from here.
    var onChange: (_ resource: ResourceType, _ key: String, _ old: (any SimObject)?, _ new: (any SimObject)?) -> Void =
        { _, _, _, _ in }
    /// Admission for new pods (limit ranges, quotas), run after create-time defaults.
    var podAdmission: ((inout Pod) throws(APIError) -> Void)?

    init(seed: UInt64, historyCapacity: Int = 50_000, clock: @escaping () -> Timestamp) {
        self.random = SeededRandom(seed: seed ^ 0x5EED)
        self.clock = clock
        for resource in ResourceType.stored {
            tables[resource] = ResourceTable(resource: resource, historyCapacity: historyCapacity)
        }
        podTable = tables[.pods] ?? ResourceTable(resource: .pods, historyCapacity: historyCapacity)
    }

    private func table<T: SimObject>(of type: T.Type) -> ResourceTable? {
        T.self == Pod.self ? podTable : tables[T.resource]
    }

    func table(_ resource: ResourceType) -> ResourceTable? {
        tables[resource == .eventsV1 ? .events : resource]
    }

    func get<T: SimObject>(_ type: T.Type, _ key: String) -> T? {
        table(of: T.self)?.objects[key]?.object as? T
    }

    func stored(_ resource: ResourceType, _ key: String) -> StoredObject? { table(resource)?.objects[key] }

    /// Every object of a type in key order.
    func all<T: SimObject>(_ type: T.Type) -> [T] {
        guard let table = table(of: T.self) else { return [] }
        return table.sortedKeys.compactMap { table.objects[$0]?.object as? T }
    }

    /// The objects of a type in one namespace, in key order.
    func all<T: SimObject>(_ type: T.Type, namespace: String) -> [T] {
        guard let table = table(of: T.self) else { return [] }
        return table.keys(withPrefix: namespace + "/").compactMap { table.objects[$0]?.object as? T }
    }

    func count(_ resource: ResourceType) -> Int { tables[resource]?.count ?? 0 }

    /// Pod keys by the uid of their controller owner.
    var podsByOwner: [String: Set<String>] { podTable.byOwner }

    /// A fresh uid, deterministic for the seed.
    func makeUID() -> String {
        let a = random.next()
        let b = random.next()
        func hex(_ v: UInt64, _ digits: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: max(0, digits - s.count)) + s.suffix(digits)
        }
        return
            "\(hex(a >> 32, 8))-\(hex((a >> 16) & 0xffff, 4))-4\(hex(a & 0xfff, 3))-\(hex(0x8000 | (b >> 48) & 0x3fff, 4))-\(hex(b & 0xffff_ffff_ffff, 12))"
    }

    /// A random lowercase alphanumeric suffix (`7d9f8`), as generateName produces.
    func makeSuffix(_ length: Int = 5) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }

    func randomUnit() -> Double { Double(random.next() >> 11) / Double(1 << 53) }

    /// Stores a new object: fills uid, resourceVersion, creationTimestamp and generation.
    @discardableResult
    func create<T: SimObject>(_ object: T) throws(APIError) -> T {
        var object = object
        if (object.metadata.name ?? "").isEmpty, let prefix = object.metadata.generateName {
            object.metadata.name = prefix + makeSuffix()
        }
        let errors = object.validationErrors()
        guard errors.isEmpty else {
            throw .invalid(
                kind: T.resource.kind, name: object.metadata.name ?? "", causes: errors, group: T.resource.group)
        }
        let key = object.storeKey
        guard let table = tables[T.resource] else { throw .pathNotFound() }
        if table.objects[key] != nil { throw .alreadyExists(T.resource, object.metadata.name ?? "") }
        if T.resource.isNamespaced, let namespace = object.metadata.namespace,
            tables[.namespaces]?.objects[namespace] == nil
        {
            throw APIError(
                code: 404, reason: "NotFound", message: "namespaces \"\(namespace)\" not found",
                details: .init(name: namespace, kind: "namespaces"))
        }
        object.metadata.uid = object.metadata.uid ?? makeUID()
        object.metadata.creationTimestamp = clock()
        object.metadata.generation = 1
        object.metadata.deletionTimestamp = nil
        object.applyCreateDefaults()
        if var pod = object as? Pod, let admit = podAdmission {
            try admit(&pod)
            if let admitted = pod as? T { object = admitted }
        }
        return try write(object, key: key, in: table, type: .added)
    }

    /// Replaces a stored object (a new resourceVersion; `generation` is the caller's business).
    @discardableResult
    func update<T: SimObject>(_ object: T) throws(APIError) -> T {
        let key = object.storeKey
        guard let table = tables[T.resource], table.objects[key] != nil else {
            throw .notFound(T.resource, object.metadata.name ?? "")
        }
        return try write(object, key: key, in: table, type: .modified)
    }

    /// Applies `change` to the stored object, if it exists and the change is not a no-op by the caller's judgement.
    func modify<T: SimObject>(_ type: T.Type, _ key: String, _ change: (inout T) -> Bool) {
        guard var object = get(type, key), change(&object) else { return }
        _ = try? update(object)
    }

    /// Removes an object now (after any grace period has passed).
    func remove(_ resource: ResourceType, _ key: String) {
        guard let table = tables[resource], var stored = table.objects[key] else { return }
        resourceVersion += 1
        var object = stored.object
        object.metadata.resourceVersion = String(resourceVersion)
        let json = stored.json(withResourceVersion: resourceVersion) ?? (try? encode(object)) ?? stored.json
        stored = StoredObject(object: object, json: json, resourceVersion: resourceVersion)
        let old = table.remove(key, finalState: stored)
        if let pod = object as? Pod {
            unindex(pod)
            podFacts.removeValue(forKey: key)
        }
        hub.publish(resource, .deleted, stored, now: clock())
        onChange(table.resource, key, old?.object, nil)
    }

    /// Forgets the change history of every resource (an etcd compaction).
    func compactAll() {
        for table in tables.values { table.compact(through: resourceVersion) }
    }

    func encode<T: Encodable>(_ object: T) throws -> [UInt8] { try encoder.encode(object) }

    private func write<T: SimObject>(_ object: T, key: String, in table: ResourceTable, type: WatchEventType)
        throws(APIError) -> T
    {
        var object = object
        resourceVersion += 1
        object.metadata.resourceVersion = String(resourceVersion)
        let json: [UInt8]
        do { json = try encode(object) } catch { throw .internalError("encoding \(T.resource.kind) \(key): \(error)") }
        let stored = StoredObject(object: object, json: json, resourceVersion: resourceVersion)
        let old = table.put(key, stored, type: type)
        if let pod = old?.object as? Pod { unindex(pod) }
        if let pod = object as? Pod {
            index(pod)
            podFacts[key] = PodFacts(pod, key: key)
        }
        hub.publish(T.resource, type, stored, now: clock())
        onChange(T.resource, key, old?.object, object)
        return object
    }

    private func index(_ pod: Pod) {
        podsByNode[pod.spec.nodeName ?? "", default: []].insert(pod.storeKey)
    }

    private func unindex(_ pod: Pod) {
        podsByNode[pod.spec.nodeName ?? ""]?.remove(pod.storeKey)
    }
}

/// SplitMix64: a small, fast, seedable generator so every scenario replays the same for a seed.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
