import Foundation

/// An incident: a named record tied to one cluster context, open until closed. Several can be open at once.
public struct Incident: Sendable, Equatable, Identifiable, Codable {
    public var id: UUID
    /// The journal's order of opening (1, 2, ...).
    public var sequence: Int64
    public var title: String
    /// The kubeconfig context (cluster) the incident is about.
    public var context: String
    public var openedAt: Stamp
    public var closedAt: Stamp?

    public init(id: UUID, sequence: Int64, title: String, context: String, openedAt: Stamp, closedAt: Stamp? = nil) {
        self.id = id
        self.sequence = sequence
        self.title = title
        self.context = context
        self.openedAt = openedAt
        self.closedAt = closedAt
    }

    public var isOpen: Bool { closedAt == nil }

    /// The first eight hex digits of the id, enough to name it on the command line.
    public var shortID: String { String(id.uuidString.lowercased().prefix(8)) }
}

/// A moment as both clocks saw it: the cluster's time (API server or simulator) orders; the wall time is kept beside.
public struct Stamp: Sendable, Equatable, Codable {
    public var cluster: Date
    public var wall: Date

    public init(cluster: Date, wall: Date) {
        self.cluster = cluster
        self.wall = wall
    }
}
