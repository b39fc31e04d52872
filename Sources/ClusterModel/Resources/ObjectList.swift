import Foundation

/// One page of a list: the projections plus the list metadata needed to continue or watch.
public struct ObjectList<T: KubeObject>: Decodable, Sendable {
    public var resourceVersion: String
    /// Token for the next page; `nil` or empty when this was the last page.
    public var continueToken: String?
    public var remainingItemCount: Int?
    public var items: [T]

    public init(resourceVersion: String, continueToken: String? = nil, remainingItemCount: Int? = nil, items: [T]) {
        self.resourceVersion = resourceVersion
        self.continueToken = continueToken
        self.remainingItemCount = remainingItemCount
        self.items = items
    }

    private enum CodingKeys: String, CodingKey { case metadata, items }

    private struct ListMeta: Decodable {
        var resourceVersion: String?
        var `continue`: String?
        var remainingItemCount: Int?
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let meta = try c.decodeIfPresent(ListMeta.self, forKey: .metadata)
        resourceVersion = meta?.resourceVersion ?? ""
        continueToken = meta?.continue.flatMap { $0.isEmpty ? nil : $0 }
        remainingItemCount = meta?.remainingItemCount
        items = try c.decodeIfPresent([T].self, forKey: .items) ?? []
    }
}
