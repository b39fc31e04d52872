/// Picks the theme name to load from the user's request and the terminal.
public enum ThemeSelection {
    /// The theme bundled for terminals without colour.
    public static let monochrome = "mono"

    /// `mono` when `NO_COLOR` is set to a non-empty value or the terminal has fewer than
    /// 8 colours; otherwise the requested theme, or `default`.
    public static func themeName(requested: String?, environment: [String: String], terminalColours: Int) -> String {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return monochrome }
        if terminalColours < 8 { return monochrome }
        return requested ?? Theme.builtInDefault.name
    }
}
