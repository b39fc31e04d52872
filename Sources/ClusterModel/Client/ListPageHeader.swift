import Foundation

/// The list metadata (`resourceVersion`, `continue`) read from a page without decoding its items,
/// so the next page can be requested while this one decodes.
struct ListPageHeader: Equatable {
    var resourceVersion: String
    var continueToken: String?

    /// Reads the top-level `metadata` (servers write it before `items`, which is then left unread).
    static func parse(_ data: Data) -> ListPageHeader? {
        data.withUnsafeBytes { raw -> ListPageHeader? in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            var header: ListPageHeader?
            do {
                try s.objectKeys { s, key throws(JSONScanError) in
                    guard key.is("metadata") else {
                        try s.skipValue()
                        return true
                    }
                    var found = ListPageHeader(resourceVersion: "")
                    try s.object { s, key throws(JSONScanError) in
                        if key.is("resourceVersion") {
                            found.resourceVersion = try s.string() ?? ""
                        } else if key.is("continue") {
                            found.continueToken = try s.string().flatMap { $0.isEmpty ? nil : $0 }
                        } else {
                            try s.skipValue()
                        }
                    }
                    header = found
                    return false
                }
            } catch {
                return nil
            }
            return header
        }
    }
}
