/// The Skipper ingress: an access-log line per request, an in-flight report every 15 seconds, and, as requests held
/// open for a slow backend fill its memory, a warning each second until it is killed.
enum IngressLog {
    static func lineCount(_ moment: LogMoment) -> Int {
        guard moment.age > 0 else { return 3 }
        return requests(moment) + (moment.age % 15 == 0 ? 1 : 0) + (moment.isNearMemoryLimit ? 1 : 0)
    }

    static func requests(_ moment: LogMoment) -> Int {
        max(1, Int((moment.cpuCores * 12).rounded()))
    }

    /// Requests in flight for a resident size: about 2 KiB of goroutine and buffers each, above the 110Mi it needs idle.
    static func inFlight(_ moment: LogMoment) -> Int {
        max(4, (moment.residentMiB - 110) * 9)
    }

    static func line(_ index: Int, of count: Int, _ moment: LogMoment) -> String {
        let time = Timestamp(seconds: moment.second).rfc3339
        guard moment.age > 0 else {
            return [
                "[APP]time=\"\(time)\" level=info msg=\"Expose metrics in codahale format\"",
                "[APP]time=\"\(time)\" level=info msg=\"route settings received, 214 routes\"",
                "[APP]time=\"\(time)\" level=info msg=\"proxy listener on :9999\"",
            ][index]
        }
        let requestCount = requests(moment)
        if index < requestCount { return request(index, moment) }
        let flight = inFlight(moment)
        let waiting = flight * 9 / 10
        if index == requestCount, moment.age % 15 == 0 {
            return
                "[APP]time=\"\(time)\" level=info msg=\"in-flight requests: \(flight) (backend search.shop: \(waiting))\""
        }
        return
            "[APP]time=\"\(time)\" level=warning msg=\"memory \(moment.residentMiB)Mi of \(moment.limitMiB ?? 0)Mi limit; \(flight) requests in flight, \(waiting) waiting on backend search.shop\""
    }

    private static let routes = [
        ("GET", "/", "frontend"), ("GET", "/search?q=boots", "search"), ("GET", "/search?q=jacket", "search"),
        ("POST", "/checkout", "checkout"), ("GET", "/cart", "cart"), ("GET", "/static/app.js", "frontend"),
    ]

    private static func request(_ index: Int, _ moment: LogMoment) -> String {
        let random = moment.random(index)
        let (method, path, backend) = moment.pick(routes, index, 3)
        let slow = backend == "search" && moment.workingSetBytes > 200 * 1_048_576
        let status = slow && random % 3 == 0 ? 504 : 200
        let duration = slow ? Int(random >> 12 % 20_000) + 8_000 : Int(random >> 12 % 60) + 4
        let bytes = status == 200 ? Int(random >> 24 % 20_000) + 512 : 0
        let client = "10.1.\(random >> 32 % 3).\(random >> 40 % 200 + 20)"
        return
            "\(client) - - [\(accessTime(moment.second))] \"\(method) \(path) HTTP/1.1\" \(status) \(bytes) \"-\" \"Mozilla/5.0\" \(duration) shop.example.com - -"
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `22/Nov/2026:10:00:01 +0000`, the access log's time.
    static func accessTime(_ second: Int64) -> String {
        let days = second / 86_400
        let (year, month, day) = Timestamp.civilDate(daysSinceEpoch: days)
        let rest = second - days * 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(two(day))/\(months[Int(month) - 1])/\(year):\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60)) +0000"
    }
}
