import Foundation
import Runbooks
import TestSupport
import Testing

/// Broken runbook files: every problem is reported as `file:line:column: message`.
@Suite("Validating runbook files")
struct RunbookValidationTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var yaml: String
        var problems: [String]
        var description: String { name }
    }

    static let head = """
        id: broken
        title: Broken
        risk: reversible
        targets: [deployment]

        """

    static let cases: [Case] = [
        Case(
            name: "unknown step kind",
            yaml: head + """
                steps:
                  - kind: scael
                    replicas: "2"
                """,
            problems: ["6:11: unknown step kind 'scael' (did you mean 'scale'?)"]),
        Case(
            name: "unknown precondition kind, with the field its neighbour reads",
            yaml: head + """
                preconditions:
                  - kind: has-limt
                    resource: memory
                steps:
                  - kind: restart-rollout
                """,
            problems: ["6:11: unknown precondition kind 'has-limt' (did you mean 'has-limit'?)"]),
        Case(
            name: "precondition without a kind",
            yaml: head + """
                preconditions:
                  - resource: memory
                steps:
                  - kind: restart-rollout
                """,
            problems: ["6:5: precondition without a 'kind'"]),
        Case(
            name: "field another verify kind reads",
            yaml: head + """
                steps:
                  - kind: restart-rollout
                verify:
                  kind: replicas-ready
                  no_new_oom_for: 2m
                """,
            problems: ["9:3: verify (replicas-ready): unknown field 'no_new_oom_for'"]),
        Case(
            name: "parameter without a type",
            yaml: head + """
                params:
                  limit:
                    default: 1Gi
                steps:
                  - kind: restart-rollout
                """,
            problems: [
                "6:3: parameter 'limit' has no type (one of memory, cpu, integer, number, string, boolean, duration, container)"
            ]),
        Case(
            name: "cap below its default",
            yaml: head + """
                params:
                  limit:
                    type: memory
                    default: "{{memory_limit * 1.5}}"
                    max: "{{memory_limit * 1.2}}"
                  ceiling:
                    type: memory
                    default: 2Gi
                    max: 1Gi
                steps:
                  - kind: restart-rollout
                """,
            problems: [
                "9:10: cap '{{memory_limit * 1.2}}' of 'limit' is below its default '{{memory_limit * 1.5}}'",
                "13:10: cap '1Gi' of 'ceiling' is below its default '2Gi'",
            ]),
        Case(
            name: "template variable that does not exist",
            yaml: head + """
                steps:
                  - kind: set-template-resources
                    container: "{{contianer}}"
                    memory_limit: "{{limt}}"
                """,
            problems: [
                "7:16: unknown template variable 'contianer' (did you mean 'container'?)",
                "8:19: unknown template variable 'limt'",
            ]),
        Case(
            name: "misspelt field, missing steps",
            yaml: head + """
                stpes:
                  - kind: restart-rollout
                """,
            problems: ["1:1: missing 'steps'", "5:1: unknown field 'stpes' (did you mean 'steps'?)"]),
        Case(
            name: "unknown risk and target kind",
            yaml: """
                id: broken
                title: Broken
                risk: reversable
                targets: [deploymnet]
                steps:
                  - kind: restart-rollout
                """,
            problems: [
                "3:7: unknown risk 'reversable' (did you mean 'reversible'?)",
                "4:11: unknown target kind 'deploymnet' (did you mean 'deployment'?)",
            ]),
        Case(
            name: "step that cannot act on the targets",
            yaml: """
                id: broken
                title: Broken
                risk: reversible
                targets: [cronjob]
                steps:
                  - kind: scale
                    replicas: "2"
                """,
            problems: ["6:5: step 'scale' (scale) cannot act on cronjob targets"]),
        Case(
            name: "bad template syntax and a value of the wrong type",
            yaml: head + """
                params:
                  limit:
                    type: memory
                    default: "{{memory_limit * x}}"
                  window:
                    type: duration
                    default: soon
                steps:
                  - kind: restart-rollout
                    timeout: later
                """,
            problems: [
                "8:14: '{{memory_limit * x}}' is not a variable or 'variable * number' (e.g. {{memory_limit * 1.5}})",
                "11:14: 'soon' is not a duration value (parameter 'window')",
                "14:14: timeout must be a duration such as 30s, 5m or 1h30m",
            ]),
        Case(
            name: "invalid YAML", yaml: head + "steps: [\n",
            problems: ["6:1: invalid YAML: did not find expected node content"]),
    ]

    @Test(arguments: cases)
    func problemsAreReportedWithFileLineAndColumn(_ example: Case) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("broken.yaml", example.yaml)
        let (runbook, problems) = RunbookFiles.load(path)
        #expect(runbook == nil)
        #expect(problems.map(\.description) == example.problems.map { "\(path):\($0)" })
    }

    @Test func everyBuiltInRunbookIsValid() {
        let directory = RepositoryPaths.root.appendingPathComponent("runbooks").path
        let catalog = RunbookCatalog.load(directories: [directory])
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        #expect(
            catalog.runbooks.map(\.id) == [
                "cordon", "delete-pod", "drain", "raise-cpu-limit", "raise-memory-limit", "resize-pod-memory",
                "rollout-restart", "scale", "suspend-cronjob", "uncordon",
            ])
    }

    @Test func aUserFileOverridesTheBuiltInWithItsIdAndSaysWhichFileWon() throws {
        let builtIn = RepositoryPaths.root.appendingPathComponent("runbooks").path
        let user = try TemporaryDirectory()
        let original = try String(contentsOfFile: builtIn + "/scale.yaml", encoding: .utf8)
        let path = try user.write(
            "my-scale.yaml", original.replacingOccurrences(of: "title: Scale the workload", with: "title: Scale (ours)")
        )
        let catalog = RunbookCatalog.load(directories: [builtIn, user.path])
        let scale = try catalog.runbook("scale")
        #expect(scale.title == "Scale (ours)" && scale.source == path)
        #expect(catalog.overridden["scale"] == [builtIn + "/scale.yaml"])
        #expect(catalog.problems.isEmpty)
    }

    @Test func aDuplicateKeyAndAnUnknownOtherwiseAreReported() throws {
        let folder = try TemporaryDirectory()
        let first = try folder.write(
            "a.yaml", Self.head + "key: m\nsteps:\n  - kind: restart-rollout\n")
        let second = try folder.write(
            "b.yaml",
            Self.head.replacingOccurrences(of: "id: broken", with: "id: other")
                + "key: m\npreconditions:\n  - kind: not-paused\n    otherwise: raise-memry-limit\nsteps:\n  - kind: restart-rollout\n"
        )
        _ = first
        let catalog = RunbookCatalog.load(directories: [folder.path])
        #expect(
            catalog.problems.map(\.description) == [
                "\(second):1:1: key 'm' is also the key of runbook 'broken'",
                "\(second):7:5: otherwise: unknown runbook 'raise-memry-limit'",
            ])
    }
}
