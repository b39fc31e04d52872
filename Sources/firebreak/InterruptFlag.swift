import Dispatch
import Foundation

/// Ctrl-C while a runbook runs: the first asks the action to stop (a drain ends with what was and was not
/// evicted), the second exits at once.
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var interrupted = false
    private var source: (any DispatchSourceSignal)?

    var isSet: Bool { lock.withLock { interrupted } }

    /// Starts catching SIGINT; `onFirst` runs once, on the first.
    func install(onFirst: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [self] in
            let first = lock.withLock {
                defer { interrupted = true }
                return !interrupted
            }
            if first { onFirst() } else { exit(130) }
        }
        source.resume()
        lock.withLock { self.source = source }
    }
}
