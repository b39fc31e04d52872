import Foundation

@testable import ClusterSim

/// A stepped simulator and a way to ask it things through its request handler, as an HTTP client would.
struct SimHarness {
    let cluster: SimCluster
    static let admin = "Bearer firebreak-admin-token"
    static let viewer = "Bearer firebreak-viewer-token"

    init(
        _ scenario: String, seed: UInt64 = 1, options: ScenarioOptions = ScenarioOptions(),
        controllers: ControllerMode = .changeDriven
    ) throws {
        cluster = try SimCluster(scenario: scenario, seed: seed, options: options, controllers: controllers)
    }

    struct Reply {
        let status: Int
        let headers: [(name: String, value: String)]
        let body: [UInt8]
        var json: JSONValue { (try? JSONValue(parsing: Data(body))) ?? .null }
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    func request(
        _ method: String, _ uri: String, body: String = "", token: String? = admin,
        contentType: String = "application/json",
        accept: String = "application/json"
    ) async -> Reply {
        var headers: [(name: String, value: String)] = [("Content-Type", contentType), ("Accept", accept)]
        if let token { headers.append(("Authorization", token)) }
        let response = await cluster.handle(
            APIRequest(method: method, uri: uri, headers: headers, body: Array(body.utf8)))
        switch response {
        case .full(let status, let headers, let body): return Reply(status: status, headers: headers, body: body)
        case .stream(let headers, let chunks):
            var collected: [UInt8] = []
            for await chunk in chunks {
                switch chunk {
                case .data(let bytes), .cut(let bytes): collected += bytes
                }
            }
            return Reply(status: 200, headers: headers, body: collected)
        }
    }

    /// Opens a watch and returns its first `count` lines (the watch is then abandoned).
    func watchLines(_ uri: String, count: Int, whileStepping seconds: Double = 0) async -> [String] {
        let headers: [(name: String, value: String)] = [("Accept", "application/json"), ("Authorization", Self.admin)]
        guard
            case .stream(_, let chunks) = await cluster.handle(
                APIRequest(method: "GET", uri: uri, headers: headers, body: []))
        else { return [] }
        if seconds > 0 { await cluster.advance(bySeconds: seconds) }
        var text = ""
        for await chunk in chunks {
            if case .data(let bytes) = chunk { text += String(decoding: bytes, as: UTF8.self) }
            if text.split(separator: "\n").count >= count { break }
        }
        return text.split(separator: "\n").map(String.init)
    }

    func get(_ uri: String, token: String? = admin) async -> JSONValue { await request("GET", uri, token: token).json }

    func advance(minutes: Double) async { await cluster.advance(bySeconds: minutes * 60) }

    func pods(_ namespace: String? = nil, label: String? = nil) async -> [JSONValue] {
        var uri = namespace.map { "/api/v1/namespaces/\($0)/pods" } ?? "/api/v1/pods"
        if let label { uri += "?labelSelector=\(label)" }
        return await get(uri)["items"]?.arrayValue ?? []
    }

    /// Total restarts whose last termination was an OOM kill, over the given pods.
    static func oomRestarts(_ pods: [JSONValue]) -> Int {
        pods.reduce(0) { total, pod in
            total
                + (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []).reduce(0) { sum, status in
                    status[path: ["lastState", "terminated", "reason"]]?.stringValue == "OOMKilled"
                        ? sum + Int(status["restartCount"]?.intValue ?? 0) : sum
                }
        }
    }
}
