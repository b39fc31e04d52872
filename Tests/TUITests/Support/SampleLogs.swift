import ClusterModel
import Foundation

@testable import TUI

/// Pods and log lines for the log view's tests: CoreDNS's last run before its OOM kill, and a pod with two containers.
enum SampleLogs {
    static let coredns = LogSubject(
        namespace: "kube-system", pod: "coredns-7db6d8ff4d-x2k9p",
        containers: [
            ContainerChoice(name: "coredns", state: "Running", restarts: 3, lastTermination: "OOMKilled, exit 137")
        ])

    static let checkout = LogSubject(
        namespace: "shop", pod: "checkout-api-5c9f7b6d8-abcde",
        containers: [
            ContainerChoice(name: "api", state: "Running"),
            ContainerChoice(
                name: "envoy", state: "CrashLoopBackOff", restarts: 4, lastTermination: "OOMKilled, exit 137"),
            ContainerChoice(name: "log-shipper", state: "Running"),
        ])

    /// The kill, as in `SampleCluster` (42 s before its `now`).
    static let killedAt = SampleCluster.ago(42)

    /// CoreDNS's last 90 seconds: queries, a cache report every ten seconds, warnings near the limit, the kill.
    static let story: [LogLine] = (0..<90).flatMap { second -> [LogLine] in
        let time = killedAt.addingTimeInterval(Double(second - 89))
        let resident = 120 + second * 51 / 89
        var lines = [
            LogLine(
                time: time.addingTimeInterval(-0.5),
                text:
                    "[INFO] 10.244.\(second % 4 + 1).\(second * 7 % 200 + 10):\(40_000 + second * 13) - \(second * 331 % 65_536) \"A IN search.shop.svc.cluster.local.\(second % 2 == 0 ? "shop.svc" : "svc").cluster.local. udp 83 false 1232\" NXDOMAIN qr,aa,rd 176 0.000\(100 + second)s"
            )
        ]
        if second % 10 == 0 {
            lines.append(
                LogLine(
                    time: time,
                    text:
                        "[INFO] plugin/cache: \((resident - 38) * 410) entries (\((resident - 38) * 120) success, \((resident - 38) * 290) denial), resident \(resident)Mi"
                ))
        }
        if resident > 144 {
            lines.append(
                LogLine(
                    time: time,
                    text:
                        "[WARNING] plugin/cache: resident \(resident)Mi of 170Mi limit and rising; \((resident - 38) * 410) entries, 71% NXDOMAIN from search-path expansion (ndots:5)"
                ))
        }
        return lines
    }

    /// `count` numbered lines a second apart.
    static func numbered(_ count: Int, from start: Int = 0) -> [LogLine] {
        (start..<start + count).map {
            LogLine(time: SampleCluster.ago(Double(200_000 - $0)), text: "line \($0) level=info msg=\"request\"")
        }
    }
}
