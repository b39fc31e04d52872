/// How one role looks: colours and attributes.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: Colour
    public var background: Colour
    public var attributes: TextAttributes

    public init(
        foreground: Colour = .terminalDefault, background: Colour = .terminalDefault, attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = RoleStyle()
}

/// A mapping from roles to how they look; roles it does not mention look like `normal`.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [Role: RoleStyle]

    public init(name: String, styles: [Role: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    /// How `role` looks in this theme.
    public func style(for role: Role) -> RoleStyle {
        styles[role] ?? styles[.normal] ?? .plain
    }

    /// The attributes a styled cell is drawn with: the role's plus the cell's own.
    public func attributes(for style: Style) -> TextAttributes {
        self.style(for: style.role).attributes.union(style.attributes)
    }

    /// True when no role uses a colour (the mono theme).
    public var isMonochrome: Bool {
        styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault }
    }
}
