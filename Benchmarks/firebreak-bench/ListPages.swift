import ClusterModel
import Foundation

/// Every page of a list, 500 objects a page, fetched without decoding (the floor the sync is compared with).
enum ListPages {
    /// Fetches the pages of `resource` in order, handing each to `page`; returns the bytes fetched.
    static func fetch(_ client: KubeClient, _ resource: ResourceKind, page: (Data) -> Void = { _ in }) async throws
        -> Int
    {
        var token: String?
        var bytes = 0
        repeat {
            let data = try await client.listData(resource, options: ListOptions(limit: 500, continueToken: token))
            bytes += data.count
            page(data)
            token = continueToken(data)
        } while token != nil
        return bytes
    }

    /// The `metadata.continue` of a list page, read from its head (the simulator writes metadata before items).
    static func continueToken(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        guard let range = head.range(of: "\"continue\":\"") else { return nil }
        let rest = head[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let token = String(rest[..<end])
        return token.isEmpty ? nil : token
    }
}
