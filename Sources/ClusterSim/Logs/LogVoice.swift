/// What kind of program a container runs, and so what its log looks like: CoreDNS, the Skipper ingress, or a
/// service of the shop (or any other workload).
enum LogVoice: Sendable, Equatable {
    case coreDNS
    case ingress
    /// A service; `name` is how it calls itself in its lines.
    case service(name: String)

    init(container: String, image: String) {
        if container == "coredns" || image.contains("coredns") {
            self = .coreDNS
        } else if image.contains("skipper") {
            self = .ingress
        } else {
            let path = image.split(separator: "/").last.map(String.init) ?? container
            self = .service(name: path.split(separator: ":").first.map(String.init) ?? container)
        }
    }

    /// How many lines the program writes during `moment`.
    func lineCount(_ moment: LogMoment) -> Int {
        switch self {
        case .coreDNS: CoreDNSLog.lineCount(moment)
        case .ingress: IngressLog.lineCount(moment)
        case .service: ServiceLog.lineCount(moment)
        }
    }

    /// Line `index` of the `count` written during `moment`.
    func line(_ index: Int, of count: Int, _ moment: LogMoment) -> String {
        switch self {
        case .coreDNS: CoreDNSLog.line(index, of: count, moment)
        case .ingress: IngressLog.line(index, of: count, moment)
        case .service(let name): ServiceLog(name: name).line(index, of: count, moment)
        }
    }
}
