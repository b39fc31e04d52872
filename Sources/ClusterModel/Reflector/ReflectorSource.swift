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

/// Time for the reflector: now and sleeping, injectable for tests.
protocol ReflectorClock: Sendable {
    func now() -> Date
    func sleep(for duration: Duration) async throws
}

struct SystemReflectorClock: ReflectorClock {
    func now() -> Date { Date() }
    func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}
