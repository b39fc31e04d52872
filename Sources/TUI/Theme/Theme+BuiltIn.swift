extension Theme {
    /// The dark default theme, used when a theme file is missing or broken (same as `themes/default.yaml`).
    public static let builtInDefault = Theme(
        name: "default",
        styles: [
            .header: RoleStyle(foreground: .white, background: .blue, attributes: .bold),
            .headerOK: RoleStyle(foreground: .black, background: .green, attributes: .bold),
            .headerWarn: RoleStyle(foreground: .black, background: .yellow, attributes: .bold),
            .headerStale: RoleStyle(foreground: .white, background: .red, attributes: .bold),
            .title: RoleStyle(foreground: .cyan, attributes: .bold),
            .tableHeader: RoleStyle(foreground: .cyan, attributes: .bold),
            .tableHeaderSorted: RoleStyle(foreground: .cyan, attributes: [.bold, .underline]),
            .rowSelected: RoleStyle(foreground: .black, background: .cyan),
            .severityCritical: RoleStyle(foreground: .red, attributes: .bold),
            .severityWarning: RoleStyle(foreground: .yellow),
            .severityInfo: RoleStyle(foreground: .blue),
            .dim: RoleStyle(foreground: .brightBlack),
            .footer: RoleStyle(foreground: .white),
            .footerKey: RoleStyle(foreground: .cyan, attributes: .bold),
            .border: RoleStyle(foreground: .brightBlack),
            .prompt: RoleStyle(foreground: .brightWhite, attributes: .bold),
            .message: RoleStyle(foreground: .green),
            .error: RoleStyle(foreground: .red, attributes: .bold),
            .sparkline: RoleStyle(foreground: .green),
            .sparklineLimit: RoleStyle(foreground: .red),
        ])
}
