/// One disruptive runbook at a time per object in this process.
public actor TargetLocks {
    private var holders: [ObjectRef: String] = [:]

    public init() {}

    /// Takes the lock on `object` for `runbook`; the runbook already holding it when taken.
    public func acquire(_ object: ObjectRef, for runbook: String) -> String? {
        if let holder = holders[object.whole] { return holder }
        holders[object.whole] = runbook
        return nil
    }

    public func release(_ object: ObjectRef) {
        holders[object.whole] = nil
    }
}
