import Foundation
import Logging

/// A swift-log handler that appends one line per message to a file, so nothing reaches the
/// terminal while curses owns it.
struct FileLogHandler: LogHandler {
    private let sink: LogFile
    private let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String, sink: LogFile) {
        self.label = label
        self.sink = sink
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let extra =
            merged.isEmpty
            ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        sink.write("\(ISO8601DateFormatter().string(from: Date())) \(event.level) \(label): \(event.message)\(extra)\n")
    }
}
