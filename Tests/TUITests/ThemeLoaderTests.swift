import TestSupport
import Testing

@testable import TUI

@Suite struct ThemeLoaderTests {
    @Test(arguments: ["default", "light", "high-contrast", "mono"])
    func bundledThemeLoads(name: String) throws {
        let theme = try ThemeLoader.load(name: name, directory: RepositoryPaths.themes)
        #expect(theme.name == name)
        #expect(theme.styles[.rowSelected] != nil)
    }

    @Test func defaultThemeFileMatchesTheBuiltInFallback() throws {
        let theme = try ThemeLoader.load(name: "default", directory: RepositoryPaths.themes)
        #expect(theme == Theme.builtInDefault)
    }

    @Test func monoThemeUsesNoColour() throws {
        let theme = try ThemeLoader.load(name: "mono", directory: RepositoryPaths.themes)
        #expect(theme.isMonochrome)
        #expect(theme.style(for: .rowSelected).attributes == .reverse)
    }

    @Test func rolesMissingFromAThemeLookLikeNormal() throws {
        let theme = try ThemeLoader.parse("normal:\n  fg: green\n", name: "t", path: "t.yaml")
        #expect(theme.style(for: .header) == RoleStyle(foreground: .green))
    }

    @Test func attributesMayBeASingleName() throws {
        let theme = try ThemeLoader.parse("dim:\n  attributes: dim\n", name: "t", path: "t.yaml")
        #expect(theme.style(for: .dim).attributes == .dim)
    }

    @Test(arguments: [
        ("header:\n  fg: black\n  bg: purpel\n", "themes/light.yaml:3: unknown colour 'purpel' for key 'header.bg'"),
        ("title:\n  fg: cyan\nheadr:\n  fg: red\n", "themes/light.yaml:3: unknown role 'headr'"),
        (
            "title:\n  attributes: [bold, blink]\n",
            "themes/light.yaml:2: unknown attribute 'blink' for key 'title.attributes'"
        ),
        ("title:\n  colour: red\n", "themes/light.yaml:2: unknown field 'colour' for key 'title'"),
        ("title: red\n", "themes/light.yaml:1: expected a mapping for key 'title'"),
        ("- header\n", "themes/light.yaml:1: expected a mapping at the top level"),
    ])
    func brokenThemeNamesFileLineAndKey(yaml: String, message: String) {
        #expect(throws: TUIError.self) {
            try ThemeLoader.parse(yaml, name: "light", path: "themes/light.yaml")
        }
        do {
            _ = try ThemeLoader.parse(yaml, name: "light", path: "themes/light.yaml")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func invalidYAMLReportsItsLine() {
        do {
            _ = try ThemeLoader.parse("title:\n  fg: [cyan\n", name: "t", path: "t.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("t.yaml:"))
            #expect(error.description.contains("invalid YAML"))
        }
    }

    @Test func brokenOrMissingThemeFallsBackToDefault() {
        let (theme, error) = ThemeLoader.loadOrDefault(name: "no-such-theme", directory: RepositoryPaths.themes)
        #expect(theme == Theme.builtInDefault)
        #expect(error?.description == "Unknown theme 'no-such-theme' (available: default, high-contrast, light, mono)")
    }

    @Test(
        arguments: [
            (["NO_COLOR": "1"], 256, "dark", "mono"),
            (["NO_COLOR": ""], 256, "dark", "dark"),
            ([:], 2, "dark", "mono"),
            ([:], 8, nil, "default"),
            ([:], 256, "light", "light"),
        ] as [([String: String], Int, String?, String)])
    func monoIsChosenWithoutColour(environment: [String: String], colours: Int, requested: String?, expected: String) {
        #expect(
            ThemeSelection.themeName(requested: requested, environment: environment, terminalColours: colours)
                == expected)
    }

    @Test func brightColoursFallBackOnEightColourTerminals() {
        #expect(Colour.brightRed.cursesNumber(colours: 8) == 1)
        #expect(Colour.brightRed.cursesNumber(colours: 256) == 9)
        #expect(Colour.terminalDefault.cursesNumber(colours: 256) == -1)
    }
}
