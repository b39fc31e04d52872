extension IncidentTimeline {
    /// The latest text of each COE section the engineer has written.
    public var writtenSections: [COESection: String] {
        var result: [COESection: String] = [:]
        for item in items {
            if case .coeSection(let record) = item.entry.body { result[record.section] = record.text }
        }
        return result
    }

    /// The latest entry of a written COE section (what a new edit supersedes).
    public func sectionEntry(_ section: COESection) -> JournalEntry? {
        items.first { item in
            if case .coeSection(let record) = item.entry.body { return record.section == section }
            return false
        }?.entry
    }
}
