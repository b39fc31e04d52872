import Runbooks
import Testing

@Suite("Templates and values")
struct TemplateTests {
    @Test(arguments: [
        ("{{memory_limit * 1.5}}", "memory_limit", "1.5"), ("{{ container }}", "container", nil),
        ("{{replicas*2}}", "replicas", "2"),
    ])
    func expressionsAreAVariableTimesAnOptionalFactor(_ text: String, _ variable: String, _ factor: String?) {
        let template = TemplateText(text)
        #expect(template.syntaxError == nil)
        #expect(template.soleExpression?.variable == variable)
        #expect(template.soleExpression?.factor?.description == factor)
    }

    @Test(arguments: ["{{memory_limit", "{{1.5}}", "{{a * b}}", "x }}", "{{a + 1}}"])
    func malformedTemplatesSayWhy(_ text: String) {
        #expect(TemplateText(text).syntaxError != nil)
    }

    @Test func scalingIsExactAndRoundsUp() throws {
        let scope = TemplateScope(values: [
            "memory_limit": .memory(bytes: 170 * 1_048_576, text: "170Mi"),
            "cpu_limit": .cpu(millis: 333, text: "333m"), "replicas": .integer(3),
        ])
        #expect(try scope.evaluate(TemplateText("{{memory_limit * 1.5}}")).description == "255Mi")
        #expect(try scope.evaluate(TemplateText("{{cpu_limit * 1.5}}")).description == "500m")
        #expect(try scope.evaluate(TemplateText("{{replicas * 1.5}}")).description == "5")
        #expect(try scope.evaluate(TemplateText("{{memory_limit}} for {{replicas}}")).description == "170Mi for 3")
        #expect(throws: RunbooksError.unknownVariable("nope")) { try scope.evaluate(TemplateText("{{nope}}")) }
    }

    @Test(arguments: [("90", 90.0), ("30s", 30), ("5m", 300), ("1h30m", 5400), ("1.5s", 1.5)])
    func durationsParse(_ text: String, _ seconds: Double) {
        #expect(DurationText.seconds(text) == seconds)
    }

    @Test func targetsParseWithAliases() throws {
        #expect(
            try RunbookTarget(parsing: "deploy/kube-system/coredns")
                == RunbookTarget(kind: .deployment, namespace: "kube-system", name: "coredns"))
        #expect(try RunbookTarget(parsing: "node/node-3") == RunbookTarget(kind: .node, namespace: "", name: "node-3"))
        #expect(throws: RunbooksError.invalidTarget("pod/coredns")) { try RunbookTarget(parsing: "pod/coredns") }
    }
}

@Suite("Runbook keys on rows")
struct RunbookAvailabilityTests {
    @Test func aKeyIsOfferedOnlyOnRowsItsRunbookTargetsAndNotWhenReadOnly() throws {
        let runbook = try SampleWorkloads.builtIn("raise-memory-limit")
        #expect(runbook.availability(for: .pod, isReadOnly: false) == .available)
        #expect(runbook.availability(for: .container, isReadOnly: false) == .available)
        #expect(
            runbook.availability(for: .node, isReadOnly: false)
                == .unavailable(
                    "raise-memory-limit applies to pod, container, deployment, statefulset, daemonset rows, not node rows"
                ))
        #expect(runbook.availability(for: .pod, isReadOnly: true) == .unavailable("console is read-only"))
        #expect(runbook.availability(for: nil, isReadOnly: false) == .unavailable("select a row first"))
    }
}
