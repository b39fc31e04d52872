import CNcurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM handlers that give the terminal back before the process ends.
enum TerminalSignals {
    typealias Handler = @convention(c) (Int32) -> Void

    /// Installs the handlers; returns the ones they replaced.
    static func install() -> [Int32: Handler?] {
        var previous: [Int32: Handler?] = [:]
        for number in [SIGINT, SIGTERM] {
            previous[number] = signal(number) { received in
                endwin()
                signal(received, nil)
                raise(received)
            }
        }
        return previous
    }

    /// Puts back the handlers `install()` replaced.
    static func uninstall(_ previous: [Int32: Handler?]) {
        for (number, handler) in previous {
            signal(number, handler)
        }
    }
}
