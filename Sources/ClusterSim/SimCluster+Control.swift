import Foundation

/// `/sim/...`: the simulator's own control endpoint (admin token required), for fault injection from scripts and tests.
///
/// - `GET /sim/status`: scenario, simulated time, object counts, open watches, faults, how the clock keeps up.
/// - `POST /sim/faults` with any of `latencyMilliseconds`, `throttleRemaining`, `retryAfterSeconds`, `errorsRemaining`,
///   `outageSeconds`, `cutWatches` (true), `expireHistory` (true), `touchPods` (an update storm on that many pods).
/// - `POST /sim/advance?seconds=N`: step the simulated clock.
/// - `POST /sim/clock` with `{"paused":true}` or `{"paused":false}`: stop or restart the running clock.
extension SimCluster {
    func handleControl(_ request: APIRequest) -> APIResponse {
        guard tokens.user(forAuthorization: request.header("Authorization"))?.isAdmin == true else {
            return error(.unauthorized())
        }
        switch (request.method, request.path) {
        case ("GET", "/sim/status"):
            return .json(200, Array(statusJSON().encoded()))
        case ("POST", "/sim/advance"):
            guard let seconds = Double(request.query["seconds"] ?? ""), seconds >= 0, seconds <= 86_400 else {
                return error(.badRequest("seconds: expected a number of simulated seconds between 0 and 86400"))
            }
            stepClock(bySeconds: seconds)
            return .json(200, Array(statusJSON().encoded()))
        case ("POST", "/sim/clock"):
            guard let body = try? JSONValue(parsing: Data(request.body)), case .object(let fields) = body,
                let paused = fields["paused"]?.boolValue, fields.count == 1
            else {
                return error(.badRequest("clock request body must be {\"paused\":true} or {\"paused\":false}"))
            }
            setPaused(paused)
            return .json(200, Array(statusJSON().encoded()))
        case ("POST", "/sim/faults"):
            guard let body = try? JSONValue(parsing: Data(request.body)), case .object(let fields) = body else {
                return error(.badRequest("fault request body must be a JSON object"))
            }
            var faults = world.faults
            for (key, value) in fields {
                switch key {
                case "latencyMilliseconds": faults.latencyMilliseconds = Int(value.intValue ?? 0)
                case "throttleRemaining": faults.throttleRemaining = Int(value.intValue ?? 0)
                case "retryAfterSeconds": faults.retryAfterSeconds = Int(value.intValue ?? 1)
                case "errorsRemaining": faults.errorsRemaining = Int(value.intValue ?? 0)
                case "outageSeconds", "cutWatches", "expireHistory", "touchPods": continue
                default: return error(.badRequest("unknown fault '\(key)'"))
                }
            }
            setFaults(faults)
            if fields["expireHistory"]?.boolValue == true { expireHistory() }
            if fields["cutWatches"]?.boolValue == true { cutWatches() }
            if let count = fields["touchPods"]?.intValue, count > 0 { touchPods(Int(min(count, 1_000_000))) }
            if let seconds = fields["outageSeconds"]?.doubleValue ?? fields["outageSeconds"]?.intValue.map(Double.init),
                seconds > 0
            {
                startOutage(seconds: seconds)
            }
            return .json(200, Array(statusJSON().encoded()))
        default:
            return error(.pathNotFound())
        }
    }

    func statusJSON() -> JSONValue {
        let counts = objectCounts().mapValues { JSONValue.int(Int64($0)) }
        return .object([
            "scenario": .string(scenarioName), "now": .string(world.timestamp.rfc3339),
            "elapsedSeconds": .int(Int64(world.elapsed)), "paused": .bool(isPaused),
            "resourceVersion": .string(String(world.store.resourceVersion)), "objects": .object(counts),
            "watches": .int(Int64(world.store.hub.count)), "clock": clockStatus().json,
            "faults": .object([
                "latencyMilliseconds": .int(Int64(world.faults.latencyMilliseconds)),
                "throttleRemaining": .int(Int64(world.faults.throttleRemaining)),
                "errorsRemaining": .int(Int64(world.faults.errorsRemaining)), "isDown": .bool(world.faults.isDown),
            ]),
        ])
    }
}
