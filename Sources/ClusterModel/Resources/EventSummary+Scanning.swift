import Foundation

extension EventSummary: ScannableObject {
    init(scanning s: inout JSONScanner, resource: ResourceKind) throws(JSONScanError) {
        self.init(namespace: "", name: "", reason: "", involvedObject: InvolvedObject())
        var meta = ScannedMeta()
        var sawMetadata = false
        var count: Int?
        var seriesCount: Int?
        var seriesLast: Date?
        var firstTimestamp: Date?
        var lastTimestamp: Date?
        var eventTime: Date?
        var reportingComponent: String?
        try s.object { s, key throws(JSONScanError) in
            if key.is("metadata") {
                try meta.scan(&s)
                sawMetadata = true
            } else if key.is("involvedObject") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("kind") {
                        involvedObject.kind = try s.string()
                    } else if key.is("namespace") {
                        involvedObject.namespace = try s.string()
                    } else if key.is("name") {
                        involvedObject.name = try s.string()
                    } else if key.is("uid") {
                        involvedObject.uid = try s.string()
                    } else if key.is("fieldPath") {
                        involvedObject.fieldPath = try s.string()
                    } else {
                        try s.skipValue()
                    }
                }
            } else if key.is("reason") {
                reason = try s.string() ?? ""
            } else if key.is("message") {
                message = try s.string() ?? ""
            } else if key.is("type") {
                type = try s.string() ?? "Normal"
            } else if key.is("source") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("component") {
                        sourceComponent = try s.string()
                    } else if key.is("host") {
                        sourceHost = try s.string()
                    } else {
                        try s.skipValue()
                    }
                }
            } else if key.is("reportingComponent") {
                reportingComponent = try s.string()
            } else if key.is("count") {
                count = try s.int()
            } else if key.is("firstTimestamp") {
                firstTimestamp = try s.time()
            } else if key.is("lastTimestamp") {
                lastTimestamp = try s.time()
            } else if key.is("eventTime") {
                eventTime = try s.time()
            } else if key.is("series") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("count") {
                        seriesCount = try s.int()
                    } else if key.is("lastObservedTime") {
                        seriesLast = try s.time()
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        guard sawMetadata, let eventName = meta.name else { throw s.error("event without metadata.name") }
        name = eventName
        namespace = meta.namespace ?? ""
        resourceVersion = meta.resourceVersion ?? ""
        if sourceComponent == nil { sourceComponent = reportingComponent }
        self.count = seriesCount ?? count ?? 1
        firstSeen = firstTimestamp ?? eventTime ?? meta.creationTimestamp
        lastSeen = seriesLast ?? lastTimestamp ?? eventTime ?? meta.creationTimestamp
    }
}
