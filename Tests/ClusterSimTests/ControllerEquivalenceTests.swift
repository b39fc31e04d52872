import Foundation
import Testing

@testable import ClusterSim

/// The change-driven controllers (work queues, resting pods, lazily advanced counters) must serve exactly what the
/// full-visit controllers serve for the same seed: every stored object, metrics and cAdvisor text, at several moments,
/// with the same requests made in between.
@Suite("Controller equivalence")
struct ControllerEquivalenceTests {
    /// Simulated seconds at which both clusters are compared.
    static let moments = [20, 75, 150, 240, 420, 700, 960]

    static let cases: [(scenario: String, options: ScenarioOptions)] =
        ScenarioCatalog.all.map(\.name).filter { $0 != "scale" }.map { ($0, ScenarioOptions()) } + [
            ("scale", ScenarioOptions(nodes: 12, pods: 300, churnPerSecond: 4))
        ]

    @Test(arguments: cases.map(\.scenario))
    func changeDrivenControllersServeWhatFullVisitsServe(scenario: String) async throws {
        let options = Self.cases.first { $0.scenario == scenario }?.options ?? ScenarioOptions()
        let full = try SimHarness(scenario, options: options, controllers: .fullVisit)
        let changed = try SimHarness(scenario, options: options, controllers: .changeDriven)
        var elapsed = 0
        for moment in Self.moments {
            for sim in [full, changed] { await sim.cluster.advance(bySeconds: Double(moment - elapsed)) }
            elapsed = moment
            for (method, uri, body) in Self.requests(at: moment, scenario: scenario) {
                let expected = await full.request(method, uri, body: body, contentType: Self.contentType(method))
                let actual = await changed.request(method, uri, body: body, contentType: Self.contentType(method))
                #expect(actual.status == expected.status, "\(method) \(uri) at \(moment) s")
            }
            for uri in await Self.served(full) {
                let expected = await full.request("GET", uri)
                let actual = await changed.request("GET", uri)
                let difference = Self.firstDifference(expected, actual)
                #expect(difference == nil, "\(scenario) at \(moment) s, \(uri): \(difference ?? "")")
            }
        }
    }

    /// Everything a client can read: every stored resource, pod and node metrics, and each node's cAdvisor text.
    static func served(_ sim: SimHarness) async -> [String] {
        let lists = ResourceType.stored.map { resource in
            resource.group.isEmpty
                ? "/api/\(resource.version)/\(resource.plural)"
                : "/apis/\(resource.group)/\(resource.version)/\(resource.plural)"
        }
        let nodes = (await sim.get("/api/v1/nodes")["items"]?.arrayValue ?? []).compactMap {
            $0[path: ["metadata", "name"]]?.stringValue
        }
        return lists + ["/apis/metrics.k8s.io/v1beta1/pods", "/apis/metrics.k8s.io/v1beta1/nodes"]
            + nodes.map { "/api/v1/nodes/\($0)/proxy/metrics/cadvisor" }
    }

    /// What an operator does during the story, the same in both clusters: a rollout, a scale, a forced delete, a cordon.
    static func requests(at moment: Int, scenario: String) -> [(String, String, String)] {
        guard scenario != "scale" else {
            return moment == 150
                ? [("PATCH", "/apis/apps/v1/namespaces/load-0/deployments/app-3", #"{"spec":{"replicas":14}}"#)] : []
        }
        switch moment {
        case 75:
            return [
                (
                    "PATCH", "/apis/apps/v1/namespaces/shop/deployments/frontend",
                    #"{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"shop/frontend:2.4.2"}]}}}}"#
                )
            ]
        case 150:
            return [("PATCH", "/apis/apps/v1/namespaces/shop/deployments/checkout", #"{"spec":{"replicas":5}}"#)]
        case 240:
            return [
                ("DELETE", "/api/v1/namespaces/shop/pods/cart-redis-1?gracePeriodSeconds=0", ""),
                ("PATCH", "/api/v1/nodes/node-2", #"{"spec":{"unschedulable":true}}"#),
            ]
        case 420:
            return [("PATCH", "/api/v1/nodes/node-2", #"{"spec":{"unschedulable":false}}"#)]
        default:
            return []
        }
    }

    static func contentType(_ method: String) -> String {
        method == "PATCH" ? "application/strategic-merge-patch+json" : "application/json"
    }

    /// Where two answers first differ (the item's name and the first differing field), or nil when they are the same.
    static func firstDifference(_ expected: SimHarness.Reply, _ actual: SimHarness.Reply) -> String? {
        guard expected.status == actual.status else { return "status \(actual.status), expected \(expected.status)" }
        let (left, right) = (expected.json, actual.json)
        if left == .null || right == .null {
            return expected.text == actual.text ? nil : "text differs: \(lineDifference(expected.text, actual.text))"
        }
        guard left != right else { return nil }
        let leftItems = left["items"]?.arrayValue ?? []
        let rightItems = right["items"]?.arrayValue ?? []
        guard leftItems.count == rightItems.count else {
            return "\(rightItems.count) items, expected \(leftItems.count)"
        }
        for (a, b) in zip(leftItems, rightItems) where a != b {
            return "\(a[path: ["metadata", "name"]]?.stringValue ?? "?"): \(fieldDifference(a, b, path: ""))"
        }
        return "list metadata: \(fieldDifference(left, right, path: ""))"
    }

    static func fieldDifference(_ a: JSONValue, _ b: JSONValue, path: String) -> String {
        if case .object(let left) = a, case .object(let right) = b {
            for key in Set(left.keys).union(right.keys).sorted() where left[key] != right[key] {
                return fieldDifference(left[key] ?? .null, right[key] ?? .null, path: path + "." + key)
            }
        }
        if case .array(let left) = a, case .array(let right) = b, left.count == right.count {
            for (index, pair) in zip(left, right).enumerated() where pair.0 != pair.1 {
                return fieldDifference(pair.0, pair.1, path: path + "[\(index)]")
            }
        }
        return "\(path): \(b.jsonText), expected \(a.jsonText)"
    }

    static func lineDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n")
        let right = actual.split(separator: "\n")
        for (a, b) in zip(left, right) where a != b { return "\(b), expected \(a)" }
        return "\(right.count) lines, expected \(left.count)"
    }
}
