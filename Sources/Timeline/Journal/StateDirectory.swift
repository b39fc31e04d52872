import Foundation

/// Where Firebreak keeps its state: `--state-dir`, else `$XDG_STATE_HOME/firebreak`, else
/// `~/.local/state/firebreak`. Owner-only: the directory is 0700, its files 0600.
public struct StateDirectory: Sendable, Equatable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// The directory for an explicit `--state-dir` or the environment (pure).
    public static func resolve(explicit: String?, environment: [String: String]) -> StateDirectory {
        if let explicit, !explicit.isEmpty { return StateDirectory(path: explicit) }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return StateDirectory(path: state + "/firebreak")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return StateDirectory(path: home + "/.local/state/firebreak")
    }

    /// The directory named by `--state-dir` or this process's environment.
    public static func resolve(explicit: String?) -> StateDirectory {
        resolve(explicit: explicit, environment: ProcessInfo.processInfo.environment)
    }

    /// The SQLite journal inside it.
    public var journalPath: String { path + "/journal.sqlite" }

    /// Creates the directory (0700) and journal file (0600) when missing, refuses ones another user owns, and
    /// takes group and other permissions away from ours.
    public func prepare() throws(TimelineError) {
        var info = stat()
        if stat(path, &info) != 0 {
            do {
                try FileManager.default.createDirectory(
                    atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .stateDirectory(path: path, reason: error.localizedDescription)
            }
        }
        try Self.secure(path, mode: 0o700, directory: true)
        let file = open(journalPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard file >= 0 else {
            throw .stateDirectory(path: journalPath, reason: String(cString: strerror(errno)))
        }
        close(file)
        try Self.secure(journalPath, mode: 0o600, directory: false)
        for suffix in ["-wal", "-shm"] where stat(journalPath + suffix, &info) == 0 {
            try Self.secure(journalPath + suffix, mode: 0o600, directory: false)
        }
    }

    /// Refuses a path owned by someone else; narrows its permissions to `mode`.
    static func secure(_ path: String, mode: mode_t, directory: Bool) throws(TimelineError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw .stateDirectory(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == (directory ? S_IFDIR : S_IFREG) else {
            throw .stateDirectory(path: path, reason: directory ? "not a directory" : "not a regular file")
        }
        let user = geteuid()
        guard info.st_uid == user else { throw .foreignOwner(path: path, owner: info.st_uid, user: user) }
        if info.st_mode & 0o777 != mode, chmod(path, mode) != 0 {
            throw .stateDirectory(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
