/// CoreDNS with the `log` plugin: every query, a cache report every ten seconds, and, as the cache outgrows the memory
/// limit, a warning each second. Under the spike most queries are search-path expansions (ndots:5) that end in
/// NXDOMAIN, and each is cached: the cache, and the memory, grow until the container is killed.
enum CoreDNSLog {
    static let banner = [
        ".:53",
        "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908",
        "CoreDNS-1.12.1",
        "linux/amd64, go1.24.1, 707c7c1",
    ]

    static func lineCount(_ moment: LogMoment) -> Int {
        guard moment.age > 0 else { return banner.count }
        return queries(moment) + (moment.age % 10 == 0 ? 1 : 0) + (moment.isNearMemoryLimit ? 1 : 0)
    }

    /// Queries logged in the second: they rise with the load (CPU).
    static func queries(_ moment: LogMoment) -> Int {
        max(1, Int((moment.cpuCores * 20).rounded()))
    }

    /// Cache entries for a resident size: about 400 per MiB above the 38Mi the server needs empty.
    static func entries(_ moment: LogMoment) -> Int {
        max(0, (moment.residentMiB - 38) * 410)
    }

    /// The share of queries answered NXDOMAIN: search-path expansions grow with the load.
    static func denialShare(_ moment: LogMoment) -> Double {
        min(0.8, 0.3 + moment.cpuCores * 0.8)
    }

    static func line(_ index: Int, of count: Int, _ moment: LogMoment) -> String {
        guard moment.age > 0 else { return banner[index] }
        let queryCount = queries(moment)
        if index < queryCount { return query(index, moment) }
        let entries = entries(moment)
        let denied = Int(Double(entries) * denialShare(moment))
        if index == queryCount, moment.age % 10 == 0 {
            return
                "[INFO] plugin/cache: \(entries) entries (\(entries - denied) success, \(denied) denial), resident \(moment.residentMiB)Mi"
        }
        let percent = Int(denialShare(moment) * 100)
        return
            "[WARNING] plugin/cache: resident \(moment.residentMiB)Mi of \(moment.limitMiB ?? 0)Mi limit and rising; \(entries) entries, \(percent)% NXDOMAIN from search-path expansion (ndots:5)"
    }

    private static let services = [
        "frontend.shop", "checkout.shop", "search.shop", "cart-redis.shop", "credentials.iam",
        "skipper-ingress.kube-system",
    ]
    private static let searchSuffixes = [
        "shop.svc.cluster.local.", "svc.cluster.local.", "cluster.local.", "eu-west-1.compute.internal.",
    ]

    private static func query(_ index: Int, _ moment: LogMoment) -> String {
        let random = moment.random(index)
        let client = "10.244.\(random % 4 + 1).\(random >> 8 % 200 + 10):\(random >> 16 % 28_000 + 32_768)"
        let id = random >> 32 % 65_536
        let type = random >> 48 % 3 == 0 ? "AAAA" : "A"
        let service = moment.pick(services, index, 1)
        let expanded = Double(random >> 20 % 1000) / 1000 < denialShare(moment)
        let name =
            expanded
            ? "\(service).svc.cluster.local.\(moment.pick(searchSuffixes, index, 2))" : "\(service).svc.cluster.local."
        let latency = Double(random >> 40 % 900 + 60) / 1_000_000 * (moment.isNearMemoryLimit ? 40 : 1)
        let answer = expanded ? "NXDOMAIN qr,aa,rd \(name.utf8.count + 96)" : "NOERROR qr,aa,rd \(name.utf8.count + 58)"
        return
            "[INFO] \(client) - \(id) \"\(type) IN \(name) udp \(name.utf8.count + 30) false 1232\" \(answer) \(seconds(latency))s"
    }

    static func seconds(_ value: Double) -> String {
        let micros = Int((value * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)"
    }
}
