/// Events: recorded the way the kubelet's correlator records them, and expired an hour after they were last seen.
extension ClusterWorld {
    /// Records an Event the way the kubelet's correlator does: a repeat bumps `count` and `lastTimestamp`.
    func recordEvent(
        on object: ObjectReference, type: String, reason: String, message: String, component: String,
        host: String? = nil
    ) {
        let namespace = object.namespace ?? "default"
        let stem = "\(object.name ?? "")."
        let aggregation = Self.aggregationKey(
            namespace: namespace, uid: object.uid, reason: reason, type: type, message: message)
        if let key = eventKeys[aggregation], store.get(Event.self, key) != nil {
            store.modify(Event.self, key) { event in
                event.count = (event.count ?? 1) + 1
                event.lastTimestamp = timestamp
                return true
            }
            return
        }
        let suffix = String(UInt64(now * 1_000_000_000) &+ UInt64(store.count(.events)), radix: 16)
        let event = Event(
            metadata: ObjectMeta(name: stem + suffix, namespace: namespace), involvedObject: object, reason: reason,
            message: message,
            source: Event.Source(component: component, host: host), firstTimestamp: timestamp, lastTimestamp: timestamp,
            count: 1,
            type: type, reportingComponent: component, reportingInstance: host ?? "")
        if let created = try? store.create(event) { eventKeys[aggregation] = created.storeKey }
    }

    /// What the correlator aggregates a repeat by: the object, reason, type and message.
    static func aggregationKey(namespace: String, uid: String?, reason: String?, type: String?, message: String?)
        -> String
    {
        "\(namespace)/\(uid ?? "")/\(reason ?? "")/\(type ?? "")/\(message ?? "")"
    }

    /// Removes an event past its TTL, and the correlator's note of it, so neither outlives the event.
    func removeExpiredEvent(_ key: String) {
        guard let event = store.get(Event.self, key) else { return }
        let aggregation = Self.aggregationKey(
            namespace: event.metadata.namespace ?? "default", uid: event.involvedObject.uid, reason: event.reason,
            type: event.type, message: event.message)
        if eventKeys[aggregation] == key { eventKeys[aggregation] = nil }
        store.remove(.events, key)
    }

    static func lastSeen(_ event: Event, or fallback: Timestamp) -> Timestamp {
        event.lastTimestamp ?? event.metadata.creationTimestamp ?? fallback
    }

    /// Files a written event under the minute it was last seen, so expiry looks only at old minutes.
    func trackExpiry(of event: Event) {
        guard let seen = event.lastTimestamp ?? event.metadata.creationTimestamp else { return }
        eventsByMinute[seen.seconds / 60, default: []].insert(event.storeKey)
    }

    /// While more than `eventLimit` Events are kept, the events of the oldest minutes they were last seen in, whole
    /// minutes at a time, in key order: a bound on the simulator's memory under churn that the real API server (which
    /// keeps every Event for its `--event-ttl`) does not have.
    func eventsOverLimit() -> [String] {
        guard let eventLimit, store.count(.events) > eventLimit else { return [] }
        var byMinute: [Int64: [String]] = [:]
        switch controllerMode {
        case .fullVisit:
            for event in store.all(Event.self) {
                byMinute[Self.lastSeen(event, or: timestamp).seconds / 60, default: []].append(event.storeKey)
            }
        case .changeDriven:
            for (minute, keys) in eventsByMinute {
                byMinute[minute] = keys.filter { key in
                    store.get(Event.self, key).map { Self.lastSeen($0, or: timestamp).seconds / 60 == minute } ?? false
                }
            }
        }
        var excess = store.count(.events) - eventLimit
        var chosen: [String] = []
        for minute in byMinute.keys.sorted() where excess > 0 {
            let keys = byMinute[minute] ?? []
            chosen += keys
            excess -= keys.count
            eventsByMinute[minute] = nil
        }
        return chosen.sorted()
    }

    /// Events last seen before `cutoff`, in key order, from the minutes that ended before it.
    func expiredEvents(before cutoff: Timestamp) -> [String] {
        var expired: [String] = []
        for minute in eventsByMinute.keys where minute * 60 < cutoff.seconds {
            var kept = Set<String>()
            for key in eventsByMinute[minute] ?? [] {
                guard let event = store.get(Event.self, key) else { continue }
                let seen = Self.lastSeen(event, or: cutoff)
                if seen < cutoff {
                    expired.append(key)
                } else if seen.seconds / 60 == minute {
                    kept.insert(key)
                }
            }
            eventsByMinute[minute] = kept.isEmpty ? nil : kept
        }
        return expired.sorted()
    }
}
