import Foundation

/// A parser under fuzzing. Each case is one function from bytes to a verdict, shared by the libFuzzer executables
/// (`Fuzz/Executables/fuzz-<name>`) and the corpus-replay tests, so a crash found by fuzzing replays in `swift test`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// One line of a watch stream, decoded as every projection that has a fast decoder.
    case watchEvents = "watch-events"
    /// One page of a list, decoded as every projection that has a fast decoder.
    case listPages = "list-pages"
    /// A resource quantity (`100m`, `1.5Gi`, `1e3`).
    case quantity
    /// A kubeconfig file, loaded as `firebreak --kubeconfig` would load it.
    case kubeconfig
    /// A Prometheus text exposition body (what `/metrics/cadvisor` serves).
    case prometheus

    /// Runs one input through the target and checks its properties; a property that fails throws. Inputs the parser
    /// rejects are fine: rejecting is a verdict too, as long as the properties hold.
    public func run(_ input: Data) throws(FuzzFailure) {
        switch self {
        case .watchEvents: try checkWatchLine(input)
        case .listPages: try checkListPage(input)
        case .quantity: try checkQuantity(input)
        case .kubeconfig: try checkKubeconfig(input)
        case .prometheus: try checkPrometheus(input)
        }
    }

    /// Throws a failure of `property` unless `condition` holds.
    func require(_ condition: Bool, _ property: String, _ detail: @autoclosure () -> String) throws(FuzzFailure) {
        guard !condition else { return }
        throw FuzzFailure(target: self, property: property, detail: detail())
    }

    /// Whether `message` is fit to show: one line, with no control character that could move a terminal's cursor.
    static func isOneLine(_ message: String) -> Bool {
        !message.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
