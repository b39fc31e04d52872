import Foundation
import TUI

#if canImport(Glibc)
    import Glibc
#endif

/// A detached tmux session on its own server socket running one command; killed on `close()`.
final class TmuxSession {
    let socket: String
    let name = "firebreak"
    /// The tmux server and the command it runs, ended on `close()` if `kill-server` leaves them.
    private var processes: [pid_t] = []

    /// tmux, or nil when it is not installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    init(command: [String], width: Int = 200, height: Int = 50, environment: [String: String] = [:]) throws {
        socket = "fb-e2e-\(UUID().uuidString.prefix(8))"
        let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let shell = "env \(exports) " + command.map(Self.quote).joined(separator: " ")
        // The server this starts inherits the client's stdout, so nothing is read from it here.
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, shell], capturing: false)
        let ids = ((try? tmux(["display-message", "-p", "-t", name, "#{pid} #{pane_pid}"])) ?? "")
            .split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
        processes = ids
    }

    /// Runs a tmux command against this session's server and returns its output.
    ///
    /// Spawned directly and reaped with `waitpid`: `new-session` forks the tmux server, which keeps inherited
    /// descriptors open, so output goes through a file, never a pipe, and every descriptor above 2 is closed.
    @discardableResult
    func tmux(_ arguments: [String], capturing: Bool = true) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(socket)-\(UUID().uuidString).out"
        ).path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let all = [Self.executable ?? "/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, capturing ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else of this process may live on in the tmux server: it would keep, for as long as it runs, the
        // sockets of every simulator the other tests serve (a listener closed for an outage could not bind its port again).
        guard Self.closeFrom(&actions, 3) == 0 else { throw TmuxError.spawnFailed(errno: EINVAL) }
        let argv = all.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, all[0], &actions, nil, argv, environ)
        guard result == 0 else { throw TmuxError.spawnFailed(errno: result) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return capturing ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc module does not export.
    private static let closeFrom: @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32 = {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            fatalError("glibc 2.34 or later is needed to keep this process's descriptors out of the tmux server")
        }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// True while the session (and so its command) is alive.
    var isRunning: Bool {
        !((try? tmux(["list-sessions", "-F", "#{session_name}"])) ?? "").isEmpty
    }

    /// The screen as text lines.
    func capture() -> [String] {
        ((try? tmux(["capture-pane", "-p", "-t", name])) ?? "").components(separatedBy: "\n")
    }

    /// The key map `press` finds keys in (the defaults; add the runbooks' keys to press them).
    var keymap = Keymap.defaults

    /// Presses the first key the key map binds to `action`.
    func press(_ action: Action) throws {
        guard let key = keymap.key(for: action) else { throw TmuxError.unboundAction(action.name) }
        try tmux(["send-keys", "-t", name, Self.tmuxName(key)])
    }

    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Opens an incident from the console (`I`, the title typed over any offered one, Enter) and waits for the
    /// footer to say it opened.
    func openIncident(_ title: String) async throws -> (screen: [String], held: Bool) {
        try press(.openIncident)
        try tmux(["send-keys", "-t", name, "C-u"])
        try type(title)
        try press(.detail)
        return await waitFor(timeout: .seconds(10)) { screen in screen.contains { $0.contains("opened: \(title)") } }
    }

    /// Waits until `condition` holds for the screen, up to `timeout`, looking every `interval`; returns the last
    /// screen and whether it held.
    func waitFor(timeout: Duration, every interval: Duration = .milliseconds(250), _ condition: ([String]) -> Bool)
        async -> (screen: [String], held: Bool)
    {
        let deadline = ContinuousClock.now + timeout
        var screen = capture()
        while !condition(screen) {
            if ContinuousClock.now >= deadline { return (screen, false) }
            try? await Task.sleep(for: interval)
            screen = capture()
        }
        return (screen, true)
    }

    /// Kills the session and its server; the command is sent SIGTERM if it is still running.
    func close() {
        _ = try? tmux(["kill-server"], capturing: false)
        for pid in processes.reversed() where kill(pid, 0) == 0 {
            kill(pid, SIGTERM)
        }
    }

    static func tmuxName(_ key: Key) -> String {
        switch key {
        case .character(let character): String(character)
        case .enter: "Enter"
        case .escape: "Escape"
        case .tab: "Tab"
        case .backTab: "BTab"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PageUp"
        case .pageDown: "PageDown"
        case .home: "Home"
        case .end: "End"
        case .backspace: "BSpace"
        case .delete: "DC"
        case .insert: "IC"
        case .function(let number): "F\(number)"
        case .control(let character): "C-\(character)"
        }
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case spawnFailed(errno: Int32)
    case unboundAction(String)

    var description: String {
        switch self {
        case .spawnFailed(let code): "Cannot start tmux: \(String(cString: strerror(code)))"
        case .unboundAction(let name): "No key is bound to '\(name)'"
        }
    }
}
