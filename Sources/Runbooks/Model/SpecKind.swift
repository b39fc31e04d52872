/// The kind of a step, a verification or a precondition: its name in the file (`rawValue`) and the fields it reads
/// besides those its section always has.
protocol SpecKind: RawRepresentable<String>, CaseIterable {
    /// What a problem calls the kind (`step kind`).
    static var kindName: String { get }
    /// The fields this kind reads.
    var fieldNames: [String] { get }
}

extension StepKind: SpecKind {
    static var kindName: String { "step kind" }
}

extension VerifyKind: SpecKind {
    static var kindName: String { "verify kind" }
}

extension PreconditionKind: SpecKind {
    static var kindName: String { "precondition kind" }
}
