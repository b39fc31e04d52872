import ClusterModel
import Foundation
import Timeline

/// The highest working set the journal's samples measured for one subject, against its limit: what a crash-looping
/// container reached before each kill, which its signal (taken while it restarts) cannot say.
enum PeakWorkingSet {
    /// `Peak working set seen: 161.5Mi of its 170Mi limit (95%) at 09:02:25.`, or nil without a measured sample.
    static func line(of subject: ObservationSubject?, in samples: [MetricSample]) -> String? {
        guard let subject,
            let peak = samples.filter({ $0.subject == subject && $0.workingSetBytes != nil })
                .max(by: { ($0.workingSetBytes ?? 0, $1.clusterTime) < ($1.workingSetBytes ?? 0, $0.clusterTime) }),
            let workingSet = peak.workingSetBytes
        else { return nil }
        let seen = "Peak working set seen: \(COEFormat.bytes(Double(workingSet)))"
        let at = " at \(COEFormat.time(peak.clusterTime))."
        guard let limit = peak.memoryLimitBytes, limit > 0 else { return seen + at }
        return seen + " of its \(COEFormat.bytes(Double(limit))) "
            + "\(subject.kind == "Node" ? "allocatable" : "limit") "
            + "(\(COEFormat.percent(Double(workingSet) / Double(limit))))" + at
    }
}
