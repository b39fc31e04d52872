import Foundation

extension RevisionSummary: ScannableObject {
    init(scanning s: inout JSONScanner, resource: ResourceKind) throws(JSONScanError) {
        self.init(namespace: "", name: "", revision: 0)
        var meta = ScannedMeta()
        try s.object { s, key throws(JSONScanError) in
            if key.is("metadata") {
                try meta.scan(&s)
            } else if key.is("revision") {
                revision = Int64(try s.int() ?? 0)
            } else if key.is("data") {
                try s.object { s, key throws(JSONScanError) in
                    guard key.is("spec") else { return try s.skipValue() }
                    try s.object { s, key throws(JSONScanError) in
                        guard key.is("template") else { return try s.skipValue() }
                        templateContainers = try ScannedTemplate.scanContainers(&s)
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        guard let name = meta.name else { throw s.error("controller revision without metadata.name") }
        self.name = name
        namespace = meta.namespace ?? ""
        resourceVersion = meta.resourceVersion ?? ""
        controller = meta.controller
        createdAt = meta.creationTimestamp
        hash = meta.labels[Self.hashLabel]
    }
}
