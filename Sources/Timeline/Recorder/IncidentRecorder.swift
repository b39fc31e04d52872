import ClusterModel
import Foundation

/// Records what the cluster shows into one incident: `IncidentRecording` decides, this writes. The console and
/// `firebreak signals --follow` feed it observations and store snapshots, each with the cluster time they saw them at.
public actor IncidentRecorder {
    public let journal: any Journal
    public let incident: UUID
    private var recording: IncidentRecording

    public init(journal: any Journal, incident: UUID, context: String) {
        self.journal = journal
        self.incident = incident
        recording = IncidentRecording(context: context)
    }

    /// Records new and grown observations (and Warning events on the objects they touch); returns what was written.
    @discardableResult
    public func record(
        _ observations: [Observation], snapshot: ClusterSnapshot? = nil, at clusterTime: Date
    ) async throws -> [JournalEntry] {
        try await write(recording.record(observations, snapshot: snapshot, at: clusterTime))
    }

    /// Records changes seen since the previous snapshot and new Warning events on touched objects.
    @discardableResult
    public func record(snapshot: ClusterSnapshot, at clusterTime: Date) async throws -> [JournalEntry] {
        try await write(recording.record(snapshot: snapshot, at: clusterTime))
    }

    /// Keeps a sample of each touched container in `metrics` (at most one per container per cluster time).
    @discardableResult
    public func record(
        metrics: MetricsSnapshot, snapshot: ClusterSnapshot, at clusterTime: Date
    ) async throws -> [MetricSample] {
        let samples = recording.samples(metrics, snapshot: snapshot, at: clusterTime)
        if !samples.isEmpty { try await journal.appendSamples(samples, to: incident) }
        return samples
    }

    private func write(_ drafts: [EntryDraft]) async throws -> [JournalEntry] {
        drafts.isEmpty ? [] : try await journal.append(drafts, to: incident)
    }
}
