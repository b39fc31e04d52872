import Foundation

extension KubeClient {
    /// The server's `/version` document (`gitVersion`, `major`, `minor`, ...); also a cheap way to read its clock.
    @discardableResult
    public func serverVersion() async throws(KubeClientError) -> [String: String] {
        let data = try await send(.GET, "/version", timeout: .seconds(10))
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return object.compactMapValues { $0 as? String }
    }
}
