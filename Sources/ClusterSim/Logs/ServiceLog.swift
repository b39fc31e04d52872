/// A service in structured (logfmt) lines: a line per request it serves, a heartbeat with its memory every 30 seconds,
/// and a warning each second while its memory is near the limit.
struct ServiceLog {
    var name: String

    static func lineCount(_ moment: LogMoment) -> Int {
        guard moment.age > 0 else { return 2 }
        return requests(moment) + (moment.age % 30 == 0 ? 1 : 0) + (moment.isNearMemoryLimit ? 1 : 0)
    }

    /// Requests logged in the second: at least one, more with the load (CPU).
    static func requests(_ moment: LogMoment) -> Int {
        max(1, Int((moment.cpuCores * 40).rounded()))
    }

    private static let paths = ["/api/items", "/api/items/42", "/api/cart", "/healthz", "/api/orders", "/api/search"]

    func line(_ index: Int, of count: Int, _ moment: LogMoment) -> String {
        let time = Timestamp(seconds: moment.second).rfc3339
        guard moment.age > 0 else {
            return [
                "level=info ts=\(time) msg=\"starting \(name)\" go=go1.24.1",
                "level=info ts=\(time) msg=\"listening\" addr=:8080",
            ][index]
        }
        let requestCount = Self.requests(moment)
        if index < requestCount {
            let random = moment.random(index)
            let path = moment.pick(Self.paths, index, 4)
            let status = random % 200 == 0 ? 500 : 200
            return
                "level=info ts=\(time) msg=\"request\" method=GET path=\(path) status=\(status) duration_ms=\(random >> 8 % 40 + 2)"
        }
        let limit = moment.limitMiB.map { "\($0)Mi" } ?? "none"
        if index == requestCount, moment.age % 30 == 0 {
            return "level=info ts=\(time) msg=\"heartbeat\" rss=\(moment.residentMiB)Mi limit=\(limit)"
        }
        return "level=warn ts=\(time) msg=\"memory near limit\" rss=\(moment.residentMiB)Mi limit=\(limit)"
    }
}
