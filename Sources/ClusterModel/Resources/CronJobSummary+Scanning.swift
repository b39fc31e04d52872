import Foundation

extension CronJobSummary: ScannableObject {
    init(scanning s: inout JSONScanner, resource: ResourceKind) throws(JSONScanError) {
        self.init(namespace: "", name: "")
        var meta = ScannedMeta()
        try s.object { s, key throws(JSONScanError) in
            if key.is("metadata") {
                try meta.scan(&s)
            } else if key.is("spec") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("schedule") {
                        schedule = try s.string() ?? ""
                    } else if key.is("suspend") {
                        isSuspended = try s.bool() ?? false
                    } else if key.is("jobTemplate") {
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
            } else if key.is("status") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("lastScheduleTime") {
                        lastScheduleTime = try s.time()
                    } else if key.is("lastSuccessfulTime") {
                        lastSuccessfulTime = try s.time()
                    } else if key.is("active") {
                        try s.array { s throws(JSONScanError) in
                            try s.skipValue()
                            activeJobs += 1
                        }
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        guard let name = meta.name else { throw s.error("cronjob without metadata.name") }
        self.name = name
        namespace = meta.namespace ?? ""
        uid = meta.uid ?? ""
        resourceVersion = meta.resourceVersion ?? ""
        createdAt = meta.creationTimestamp
    }
}
