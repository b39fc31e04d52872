import Foundation

extension JobSummary: ScannableObject {
    init(scanning s: inout JSONScanner, resource: ResourceKind) throws(JSONScanError) {
        self.init(namespace: "", name: "")
        var meta = ScannedMeta()
        var sawName = false
        try s.object { s, key throws(JSONScanError) in
            if key.is("metadata") {
                try meta.scan(&s)
                sawName = meta.name != nil
            } else if key.is("spec") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("completions") {
                        completions = try s.int()
                    } else if key.is("parallelism") {
                        parallelism = try s.int()
                    } else if key.is("suspend") {
                        isSuspended = try s.bool() ?? false
                    } else if key.is("template") {
                        templateContainers = try ScannedTemplate.scanContainers(&s)
                    } else {
                        try s.skipValue()
                    }
                }
            } else if key.is("status") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("active") {
                        active = try s.int() ?? 0
                    } else if key.is("succeeded") {
                        succeeded = try s.int() ?? 0
                    } else if key.is("failed") {
                        failed = try s.int() ?? 0
                    } else if key.is("startTime") {
                        startTime = try s.time()
                    } else if key.is("completionTime") {
                        completionTime = try s.time()
                    } else if key.is("conditions") {
                        let kept = try ScannedCondition.scanList(&s, keeping: ["Complete", "Failed"])
                        complete = kept["Complete"]
                        failure = kept["Failed"]
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        guard sawName, let name = meta.name else { throw s.error("job without metadata.name") }
        self.name = name
        namespace = meta.namespace ?? ""
        uid = meta.uid ?? ""
        resourceVersion = meta.resourceVersion ?? ""
        controller = meta.controller
        createdAt = meta.creationTimestamp
    }
}
