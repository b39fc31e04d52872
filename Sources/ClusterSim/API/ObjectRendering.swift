import Foundation

/// Turns stored objects into the JSON bodies a real API server sends.
enum ObjectRendering {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// One object with `kind` and `apiVersion`, converted to events.k8s.io/v1 when that is the resource asked for.
    static func objectJSON(_ stored: StoredObject, as resource: ResourceType) -> [UInt8] {
        if resource == .eventsV1, let event = stored.object as? Event {
            return encode(EventV1(event))
        }
        return stored.jsonWithKind(resource)
    }

    /// A `<Kind>List` body from items already encoded.
    static func list(
        resource: ResourceType, items: [StoredObject], resourceVersion: Int64, continueToken: String?, remaining: Int?
    ) -> [UInt8] {
        var body = Array(
            "{\"kind\":\"\(resource.listKind)\",\"apiVersion\":\"\(resource.apiVersion)\",\"metadata\":{\"resourceVersion\":\"\(resourceVersion)\""
                .utf8)
        if let continueToken {
            body += Array(",\"continue\":\"\(continueToken)\"".utf8)
            if let remaining { body += Array(",\"remainingItemCount\":\(remaining)".utf8) }
        }
        body += Array("},\"items\":[".utf8)
        for (index, item) in items.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            if resource == .eventsV1, let event = item.object as? Event {
                body += encode(EventV1(event, includeKind: false))
            } else {
                body += item.json
            }
        }
        body += Array("]}".utf8)
        return body
    }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        (try? encoder.encode(value)).map(Array.init) ?? Array("{}".utf8)
    }

    static func status(_ error: APIError) -> [UInt8] { encode(StatusBody(error)) }
}

/// events.k8s.io/v1 Event: the same stored event, with the newer field names.
struct EventV1: Encodable {
    var kind: String?
    var apiVersion: String?
    var metadata: ObjectMeta
    var eventTime: String?
    var reportingController: String?
    var reportingInstance: String?
    var action: String?
    var reason: String?
    var regarding: ObjectReference
    var note: String?
    var type: String?
    var deprecatedSource: Event.Source?
    var deprecatedFirstTimestamp: Timestamp?
    var deprecatedLastTimestamp: Timestamp?
    var deprecatedCount: Int32?

    init(_ event: Event, includeKind: Bool = true) {
        kind = includeKind ? "Event" : nil
        apiVersion = includeKind ? "events.k8s.io/v1" : nil
        metadata = event.metadata
        eventTime = event.eventTime
        reportingController = event.reportingComponent
        reportingInstance = event.reportingInstance
        reason = event.reason
        regarding = event.involvedObject
        note = event.message
        type = event.type
        deprecatedSource = event.source
        deprecatedFirstTimestamp = event.firstTimestamp
        deprecatedLastTimestamp = event.lastTimestamp
        deprecatedCount = event.count
    }
}
