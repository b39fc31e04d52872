import Foundation

/// What a reflector needs from the API: raw list pages and watch streams. `KubeClient` is the implementation;
/// tests substitute a scripted one.
protocol ReflectorSource: Sendable {
    func listData(_ resource: ResourceKind, namespace: String?, options: ListOptions) async throws(KubeClientError)
        -> Data
    func watch<T: KubeObject>(
        _ type: T.Type, _ resource: ResourceKind, namespace: String?,
        options: ListOptions
    ) async throws(KubeClientError) -> AsyncThrowingStream<WatchEvent<T>, any Error>
}

extension KubeClient: ReflectorSource {}
