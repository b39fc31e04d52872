import COE
import ClusterModel
import Foundation
import Logging
import Timeline

/// The console's side of the incident journal: it keeps the current incident of the connected cluster, records what
/// the connection sees into it (as `firebreak signals --follow` does), follows its entries as any process commits
/// them, and carries out `JournalEffect`s. Runs on the UI loop; the journal's work runs in detached tasks that answer
/// through the inbox.
@MainActor
public final class JournalSession {
    /// How often the journal is polled for entries other processes committed.
    public nonisolated static let followInterval = Duration.milliseconds(250)

    /// The journal (nil when it could not be opened); runbook actions are recorded in it too.
    let journal: (any Journal)?
    private let inbox: EventInbox
    private let logger: Logger
    private let link = JournalLink()
    private var connection: ClusterConnection?
    private var context = "-"
    private var incidentTask: Task<Void, Never>?
    /// The kind of the critical signal the offer to open an incident named (nil: not offered on this connection).
    private var offeredKind: ObservationKind?

    /// Opens the journal in `directory`; when it cannot be opened the console runs without it and says why.
    public init(directory: StateDirectory, inbox: EventInbox, logger: Logger) {
        self.inbox = inbox
        self.logger = logger
        do {
            journal = try SQLiteJournal(directory: directory)
        } catch {
            journal = nil
            logger.warning("incident journal unavailable: \(error)")
            inbox.post(.journal(.unavailable(error.description)))
        }
    }

    /// Records into and follows the current incident of `connection`'s cluster, if one is open there.
    public func attach(_ connection: ClusterConnection, context: String) {
        detach()
        self.connection = connection
        self.context = context
        offeredKind = nil
        guard let journal else { return }
        let link = link
        let inbox = inbox
        incidentTask = Task.detached {
            do {
                let current = try await journal.currentIncident()
                guard let current, current.isOpen, current.context == context else {
                    inbox.post(.journal(.entriesChanged))
                    return
                }
                await Self.run(current, journal: journal, connection: connection, link: link, inbox: inbox)
            } catch {
                inbox.post(.journal(.written("Incident journal: \(error)", isError: true)))
            }
        }
    }

    /// Stops recording and following.
    public func detach() {
        incidentTask?.cancel()
        incidentTask = nil
        link.follow(nil)
        connection = nil
    }

    /// Carries out `effect`; what it changes comes back through the inbox.
    public func perform(_ effect: JournalEffect) {
        guard let journal else {
            inbox.post(.journal(.written("The incident journal is unavailable", isError: true)))
            return
        }
        let inbox = inbox
        let context = context
        let clock = connection?.clock ?? ClusterClock()
        switch effect {
        case .openIncident(let title):
            guard let connection else {
                inbox.post(.journal(.written("Not connected to a cluster", isError: true)))
                return
            }
            incidentTask?.cancel()
            let link = link
            incidentTask = Task.detached {
                do {
                    let incident = try await journal.openIncident(title: title, context: context, at: clock.now())
                    inbox.post(.journal(.written("Incident \(incident.shortID) opened: \(title)", isError: false)))
                    await Self.run(incident, journal: journal, connection: connection, link: link, inbox: inbox)
                } catch {
                    inbox.post(.journal(.written("Could not open the incident: \(error)", isError: true)))
                }
            }
        case .addNote(let text):
            write(.note(text, context: context, at: clock.now()), done: "Note added")
        case .addLogExcerpt(let excerpt):
            write(
                excerpt.draft(context: context, at: clock.now()),
                done: "\(excerpt.lines.count) log lines added to the incident")
        case .setMilestone(let milestone, let at):
            let time = at ?? clock.now()
            write(
                .milestone(milestone, at: time, context: context),
                done: "Milestone \(milestone.title) set at \(UTCClock.text(time))")
        case .exportCOE:
            exportCOE()
        }
    }

    /// Writes the current incident's COE to `coe-<incident>.md` in the working directory, as `firebreak coe export`
    /// does, and says where.
    private func exportCOE() {
        guard let journal, let incident = link.currentIncident else {
            inbox.post(.journal(.written("No incident is open: press I to open one", isError: true)))
            return
        }
        let inbox = inbox
        let path = FileManager.default.currentDirectoryPath + "/coe-\(incident.shortID).md"
        Task.detached {
            do {
                let input = COEInput(
                    incident: incident, entries: try await journal.entries(of: incident.id),
                    samples: try await journal.samples(of: incident.id), generatedAt: Date())
                let written = try COEExport.write(COEBuilder.build(input), format: .md, to: path)
                let charts = written.count - 1
                inbox.post(
                    .journal(
                        .written(
                            "COE written to \(path)" + (charts > 0 ? " (and \(charts) charts beside it)" : ""),
                            isError: false)))
            } catch {
                inbox.post(.journal(.written("COE export failed: \(error)", isError: true)))
            }
        }
    }

    /// The Timeline pane's rows and the current incident's milestones, from the entries followed so far.
    public func refresh(showsHidden: Bool) -> (rows: [TimelineRow], emptyMessage: String, event: JournalEvent) {
        let (incident, entries) = link.take()
        guard let incident else {
            return ([], ClusterPanes.noIncidentMessage, .incidentChanged(nil, milestones: MilestoneLine.unset))
        }
        let timeline = IncidentTimeline(entries: entries)
        return (
            TimelineRow.rows(of: timeline, showsHidden: showsHidden), "Nothing recorded yet",
            .incidentChanged(IncidentLine(incident), milestones: MilestoneLine.lines(of: timeline))
        )
    }

    /// A `criticalSeen` event the first time a critical signal shows while no incident is open on this cluster, and
    /// `criticalRenamed` once if the offer named a node's OOM kill events and the container's own OOM kill shows.
    public func criticalSignal(in data: ClusterData) -> [AppEvent] {
        guard journal != nil, link.currentIncident == nil,
            let critical = Observation.incidentLead(of: data.observations),
            offeredKind == nil || (offeredKind == .nodeOOM && critical.kind != .nodeOOM)
        else { return [] }
        let title = Self.title(for: critical, in: data.snapshot)
        defer { offeredKind = critical.kind }
        return [
            .journal(
                offeredKind == nil ? .criticalSeen(suggestedTitle: title) : .criticalRenamed(suggestedTitle: title))
        ]
    }

    /// `OOMKilled: Deployment kube-system/coredns`: the signal and the workload its pod belongs to (the pod itself
    /// when it has none), since the incident is about the workload, not the pod that happened to show first.
    nonisolated static func title(for observation: Observation, in snapshot: ClusterSnapshot) -> String {
        let subject = observation.subject
        if subject.kind == "Pod", let namespace = subject.namespace,
            let pod = snapshot.pods[ObjectKey(namespace: namespace, name: subject.name)],
            let top = snapshot.owningWorkload(of: pod)
        {
            return "\(observation.kind.title): \(OwnerKey(top, namespace: namespace))"
        }
        return "\(observation.kind.title): \(subject.path)"
    }

    private func write(_ draft: EntryDraft, done: String) {
        guard let journal, let incident = link.currentIncident else {
            inbox.post(.journal(.written("No incident is open: press I to open one", isError: true)))
            return
        }
        let inbox = inbox
        Task.detached {
            do {
                _ = try await journal.append(draft, to: incident.id)
                inbox.post(.journal(.written(done, isError: false)))
            } catch {
                inbox.post(.journal(.written("\(error)", isError: true)))
            }
        }
    }

    /// Follows `incident`'s entries (from any process) into `link` and records what `connection` sees into it, until
    /// cancelled.
    private nonisolated static func run(
        _ incident: Incident, journal: any Journal, connection: ClusterConnection, link: JournalLink,
        inbox: EventInbox
    ) async {
        link.follow(incident)
        inbox.post(.journal(.entriesChanged))
        let recorder = IncidentRecorder(journal: journal, incident: incident.id, context: incident.context)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await batch in journal.follow(incident: incident.id, after: 0, every: followInterval) {
                        if link.merge(batch) { inbox.post(.journal(.entriesChanged)) }
                    }
                } catch {
                    inbox.post(.journal(.written("Incident journal: \(error)", isError: true)))
                }
            }
            group.addTask {
                await ConnectionRecording.follow(connection, into: recorder) { error in
                    inbox.post(.journal(.written("Recording into the incident failed: \(error)", isError: true)))
                }
            }
        }
    }
}
