/// The managers of one object's fields (`metadata.managedFields`): who owns what, how an update moves ownership, and
/// which fields an apply would take from another manager.
struct FieldManagers: Sendable {
    private(set) var entries: [ManagedFieldsEntry]

    init(_ entries: [ManagedFieldsEntry]?) { self.entries = entries ?? [] }

    /// One field another manager owns with a different value than an apply wants.
    struct Conflict: Sendable {
        let entry: ManagedFieldsEntry
        let path: FieldSet.Path
    }

    func owned(by manager: String, operation: String) -> FieldSet {
        entries.first { $0.manager == manager && $0.operation == operation && $0.subresource == nil }
            .flatMap(\.fieldsV1).map(FieldSet.init(fieldsV1:)) ?? FieldSet()
    }

    /// Fields owned by any entry other than `manager`'s `operation`.
    func ownedByOthers(than manager: String, operation: String) -> FieldSet {
        entries.filter { !($0.manager == manager && $0.operation == operation) }.reduce(FieldSet()) {
            $0.union($1.fieldsV1.map(FieldSet.init(fieldsV1:)) ?? FieldSet())
        }
    }

    /// Replaces one manager's entry (an empty set removes it).
    mutating func set(_ manager: String, operation: String, apiVersion: String, time: Timestamp, fields: FieldSet) {
        entries.removeAll { $0.manager == manager && $0.operation == operation && $0.subresource == nil }
        guard !fields.isEmpty else { return }
        entries.append(
            ManagedFieldsEntry(
                manager: manager, operation: operation, apiVersion: apiVersion, time: time, fieldsV1: fields.fieldsV1))
    }

    /// Takes `fields` away from every entry except `manager`'s `operation`; entries left empty are dropped.
    mutating func release(_ fields: FieldSet, except manager: String, operation: String) {
        entries = entries.compactMap { entry in
            if entry.manager == manager && entry.operation == operation { return entry }
            let remaining = (entry.fieldsV1.map(FieldSet.init(fieldsV1:)) ?? FieldSet()).subtracting(fields)
            guard !remaining.isEmpty else { return nil }
            var changed = entry
            changed.fieldsV1 = remaining.fieldsV1
            return changed
        }
    }

    /// The fields `applied` sets that other managers own with a value different from `config`'s.
    func conflicts(applying applied: FieldSet, by manager: String, live: JSONValue, config: JSONValue) -> [Conflict] {
        var found: [Conflict] = []
        for entry in entries where !(entry.manager == manager && entry.operation == "Apply") {
            let theirs = entry.fieldsV1.map(FieldSet.init(fieldsV1:)) ?? FieldSet()
            for path in theirs.intersection(applied).leaves.sorted(by: { FieldSet.text($0) < FieldSet.text($1) })
            where FieldSet.value(at: path, in: live) != FieldSet.value(at: path, in: config) {
                found.append(Conflict(entry: entry, path: path))
            }
        }
        return found
    }

    /// Records a create, update or patch: the writer owns every field whose value it changed, no one else does.
    mutating func recordUpdate(by manager: String, apiVersion: String, time: Timestamp, old: JSONValue?, new: JSONValue)
    {
        let after = FieldSet(of: new)
        let before = old.map { FieldSet(of: $0) } ?? FieldSet()
        let changed = FieldSet(
            leaves: after.leaves.filter { path in
                guard let old else { return true }
                return FieldSet.value(at: path, in: old) != FieldSet.value(at: path, in: new)
            })
        let gone = before.subtracting(after)
        release(changed.union(gone), except: manager, operation: "Update")
        let mine = owned(by: manager, operation: "Update").subtracting(gone).union(changed)
        set(manager, operation: "Update", apiVersion: apiVersion, time: time, fields: mine)
    }
}

extension APIError {
    /// The 409 server-side apply answers when other managers own fields it would change.
    static func applyConflict(_ conflicts: [FieldManagers.Conflict]) -> APIError {
        func who(_ entry: ManagedFieldsEntry) -> String {
            entry.operation == "Update"
                ? "\"\(entry.manager)\" using \(entry.apiVersion ?? "v1")" : "\"\(entry.manager)\""
        }
        let summary: String
        if conflicts.count == 1, let only = conflicts.first {
            summary = "conflict with \(who(only.entry)): \(FieldSet.text(only.path))"
        } else {
            var lines: [String] = []
            var byManager: [String: [String]] = [:]
            for conflict in conflicts {
                byManager[who(conflict.entry), default: []].append(FieldSet.text(conflict.path))
            }
            for manager in byManager.keys.sorted() {
                lines.append("conflicts with \(manager):")
                lines += (byManager[manager] ?? []).map { "- \($0)" }
            }
            summary = lines.joined(separator: "\n")
        }
        return APIError(
            code: 409, reason: "Conflict",
            message: "Apply failed with \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s"): \(summary)",
            details: Details(
                causes: conflicts.map {
                    Cause(
                        reason: "FieldManagerConflict", message: "conflict with \(who($0.entry))",
                        field: FieldSet.text($0.path))
                }))
    }
}
