import Foundation
import TUI

/// A detached tmux session on its own server socket running one command; killed on `close()`.
final class TmuxSession {
    let socket: String
    let name = "firebreak"

    /// tmux, or nil when it is not installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    init(command: [String], width: Int = 200, height: Int = 50, environment: [String: String] = [:]) throws {
        socket = "fb-e2e-\(UUID().uuidString.prefix(8))"
        let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let shell = "env \(exports) " + command.map(Self.quote).joined(separator: " ")
        _ = try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, shell])
    }

    /// Runs a tmux command against this session's server and returns its output.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable ?? "/usr/bin/tmux")
        process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The screen as text lines.
    func capture() -> [String] {
        ((try? tmux(["capture-pane", "-p", "-t", name])) ?? "").components(separatedBy: "\n")
    }

    /// Presses the first key the default key map binds to `action`.
    func press(_ action: Action) throws {
        guard let key = Keymap.defaults.key(for: action) else { return }
        try tmux(["send-keys", "-t", name, Self.tmuxName(key)])
    }

    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// True while the session (and so its command) is alive.
    var isRunning: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable ?? "/usr/bin/tmux")
        process.arguments = ["-L", socket, "has-session", "-t", name]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Waits until `condition` holds for the screen, up to `timeout`; returns the last screen and whether it held.
    func waitFor(timeout: Duration, _ condition: ([String]) -> Bool) async -> (screen: [String], held: Bool) {
        let deadline = ContinuousClock.now + timeout
        var screen = capture()
        while !condition(screen) {
            if ContinuousClock.now >= deadline { return (screen, false) }
            try? await Task.sleep(for: .milliseconds(250))
            screen = capture()
        }
        return (screen, true)
    }

    func close() {
        _ = try? tmux(["kill-server"])
    }

    static func tmuxName(_ key: Key) -> String {
        switch key {
        case let .character(character): String(character)
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
        case let .function(number): "F\(number)"
        case let .control(character): "C-\(character)"
        }
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
