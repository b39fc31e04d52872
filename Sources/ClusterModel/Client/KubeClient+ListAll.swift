import Foundation

extension KubeClient {
    /// Lists every object of `resource` page by page (a fresh, consistent list), restarting once if a continue
    /// token expires. Pages are decoded while the next one is fetched.
    public func listAll<T: KubeObject>(
        _ type: T.Type, _ resource: ResourceKind, namespace: String? = nil,
        pageSize: Int = 500
    ) async throws(KubeClientError) -> ObjectList<T> {
        var restarted = false
        while true {
            do {
                return try await listPages(T.self, resource, namespace: namespace, pageSize: pageSize)
            } catch let error as KubeClientError {
                guard !restarted, error.apiError?.isExpired == true else { throw error }
                restarted = true
            } catch {
                throw .transport(path: resource.collectionPath(namespace: namespace), problem: "\(error)")
            }
        }
    }

    private func listPages<T: KubeObject>(
        _ type: T.Type, _ resource: ResourceKind, namespace: String?,
        pageSize: Int
    ) async throws -> ObjectList<T> {
        var token: String?
        var resourceVersion = ""
        var pages: [Task<[T], any Error>] = []
        defer { pages.forEach { $0.cancel() } }
        repeat {
            let data = try await listData(
                resource, namespace: namespace,
                options: ListOptions(limit: pageSize, continueToken: token))
            guard let header = ListPageHeader.parse(data) else {
                throw KubeClientError.decode(
                    KubeDecodeError(
                        resource: resource.plural, field: "metadata", offset: nil,
                        problem: "list has no metadata"))
            }
            pages.append(
                Task.detached {
                    do throws(KubeDecodeError) {
                        return try ResourceDecoding.decodeList(T.self, from: data, resource: resource).items
                    } catch {
                        throw KubeClientError.decode(error)
                    }
                })
            token = header.continueToken
            resourceVersion = header.resourceVersion
        } while token != nil
        var items: [T] = []
        for page in pages { items += try await page.value }
        return ObjectList(resourceVersion: resourceVersion, items: items)
    }
}
