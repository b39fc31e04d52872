import Foundation

extension ResourceDecoding {
    /// `scanList` with its result type erased, so callers can open an existential `ScannableObject.Type`.
    static func scanListErased<T: ScannableObject>(_ type: T.Type, from data: Data, resource: ResourceKind) -> Any? {
        scanList(type, from: data, resource: resource)
    }

    static func scanWatchEventErased<T: ScannableObject>(_ type: T.Type, from data: Data, resource: ResourceKind)
        -> Any?
    {
        scanWatchEvent(type, from: data, resource: resource)
    }

    /// Reads a list page with `JSONScanner`; nil when the fast reader rejects it (the caller then uses Codable,
    /// which either decodes it or reports where it is wrong).
    static func scanList<T: ScannableObject>(_ type: T.Type, from data: Data, resource: ResourceKind) -> ObjectList<T>?
    {
        data.withUnsafeBytes { raw -> ObjectList<T>? in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            var list = ObjectList<T>(resourceVersion: "", items: [])
            do {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("metadata") {
                        try s.object { s, key throws(JSONScanError) in
                            if key.is("resourceVersion") {
                                list.resourceVersion = try s.string() ?? ""
                            } else if key.is("continue") {
                                list.continueToken = try s.string().flatMap { $0.isEmpty ? nil : $0 }
                            } else if key.is("remainingItemCount") {
                                list.remainingItemCount = try s.int()
                            } else {
                                try s.skipValue()
                            }
                        }
                    } else if key.is("items") {
                        try s.array { s throws(JSONScanError) in
                            list.items.append(try T(scanning: &s, resource: resource))
                        }
                    } else {
                        try s.skipValue()
                    }
                }
                try s.finish()
                return list
            } catch {
                return nil
            }
        }
    }

    /// Reads one watch line with `JSONScanner`; nil for anything unusual (ERROR events, `object` before `type`,
    /// malformed JSON), which the Codable path then handles.
    static func scanWatchEvent<T: ScannableObject>(_ type: T.Type, from data: Data, resource: ResourceKind)
        -> WatchEvent<T>?
    {
        data.withUnsafeBytes { raw -> WatchEvent<T>? in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            var eventType: String?
            var event: WatchEvent<T>?
            do {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("type") {
                        eventType = try s.string()
                    } else if key.is("object") {
                        switch eventType {
                        case "ADDED": event = .added(try T(scanning: &s, resource: resource))
                        case "MODIFIED": event = .modified(try T(scanning: &s, resource: resource))
                        case "DELETED": event = .deleted(try T(scanning: &s, resource: resource))
                        case "BOOKMARK": event = try scanBookmark(&s)
                        default: throw s.error("event type not read yet")
                        }
                    } else {
                        try s.skipValue()
                    }
                }
                try s.finish()
                return event
            } catch {
                return nil
            }
        }
    }

    private static func scanBookmark<T>(_ s: inout JSONScanner) throws(JSONScanError) -> WatchEvent<T> {
        var rv = ""
        var annotations: [String: String] = [:]
        try s.object { s, key throws(JSONScanError) in
            guard key.is("metadata") else { return try s.skipValue() }
            try s.object { s, key throws(JSONScanError) in
                if key.is("resourceVersion") {
                    rv = try s.string() ?? ""
                } else if key.is("annotations") {
                    annotations = try s.stringMap()
                } else {
                    try s.skipValue()
                }
            }
        }
        return .bookmark(resourceVersion: rv, isInitialEventsEnd: annotations["k8s.io/initial-events-end"] == "true")
    }
}
