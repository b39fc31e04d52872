import CNcurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal, drawn with ncursesw. Create it with `withCursesTerminal`.
public final class CursesTerminal: TerminalBackend {
    private let terminalScreen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: CursesPalette
    private var previous: Screen?

    fileprivate init(chooseTheme: (Int) -> Theme) throws(TUIError) {
        Self.useUTF8Locale()
        guard let terminalScreen = firebreak_newterm(), let window = firebreak_stdscr() else {
            throw .terminalUnavailable(reason: "the terminal type '\(Self.terminalName)' is not supported")
        }
        self.terminalScreen = terminalScreen
        self.window = window
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        var colours = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colours = Int(firebreak_colors())
        }
        palette = CursesPalette(
            theme: chooseTheme(colours), colours: colours, maximumPairs: Int(firebreak_color_pairs()))
        for pair in palette.definitions {
            init_pair(pair.number, pair.foreground, pair.background)
        }
    }

    public var size: Size {
        Size(width: Int(firebreak_columns(window)), height: Int(firebreak_rows(window)))
    }

    public func draw(_ screen: Screen) {
        if previous?.size != screen.size {
            clearok(window, true)
            previous = nil
        }
        for change in screen.changes(from: previous) where !change.cell.isContinuation {
            put(change.cell, x: change.x, y: change.y)
        }
        previous = screen
        wnoutrefresh(window)
        doupdate()
    }

    public func readInput(timeout: Duration) -> TerminalInput? {
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        wtimeout(window, Int32(clamping: milliseconds))
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        guard result != ERR else { return nil }
        return TerminalInput(curses: UInt32(code), isKeyCode: result == KEY_CODE_YES)
    }

    public func suspend() {
        def_prog_mode()
        endwin()
    }

    public func restore() {
        reset_prog_mode()
        previous = nil
    }

    fileprivate func close() {
        endwin()
        delscreen(terminalScreen)
    }

    /// The user's locale, or C.UTF-8 for characters when it is not UTF-8 (as over a bare SSH session),
    /// so wide characters draw.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        if codeset != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Draws one cell: its base character plus up to three zero-width marks (a curses cell
    /// holds one spacing character; the rest of an emoji sequence is dropped).
    private func put(_ cell: Cell, x: Int, y: Int) {
        var text = CursesTerminal.cellText(cell.character)
        text.append(0)
        var character = cchar_t()
        if setcchar(&character, text, palette.attributes(for: cell.style), palette.pair(for: cell.style), nil) != OK {
            setcchar(
                &character, [wchar_t(32), 0], palette.attributes(for: cell.style), palette.pair(for: cell.style), nil)
        }
        mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    static func cellText(_ character: Character) -> [wchar_t] {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return [32] }
        let marks = scalars.dropFirst().filter { DisplayWidth.of($0) == 0 }.prefix(3)
        return ([base] + marks).map { wchar_t(bitPattern: $0.value) }
    }

    private static var terminalName: String {
        getenv("TERM").map { String(cString: $0) } ?? "unset"
    }
}

/// Runs `body` with curses owning the terminal; `endwin()` runs on every exit, including a thrown error.
///
/// Call it from the main thread and keep the UI loop in `body` (curses is not thread-safe);
/// background tasks post to an `EventInbox`. `theme` is called once with the number of colours
/// the terminal supports (0 without colour), so the caller can pick `mono` (see `ThemeSelection`).
/// While `body` runs, SIGINT and SIGTERM restore the terminal before the process ends with the signal.
public func withCursesTerminal<Result>(theme: (Int) -> Theme, _ body: (CursesTerminal) throws -> Result) throws
    -> Result
{
    let terminal = try CursesTerminal(chooseTheme: theme)
    let previousHandlers = TerminalSignals.install()
    defer {
        terminal.close()
        TerminalSignals.uninstall(previousHandlers)
    }
    return try body(terminal)
}
