import Yams

/// The sections whose entries are typed by a `kind` (steps, the verification, preconditions).
extension NodeReader {
    /// What a mapping with a `kind` holds: the kind, its fields (the section's `common` ones and the kind's own,
    /// unknown ones reported), and the kind's own fields as values.
    struct KindFields<Kind: SpecKind> {
        var kind: Kind
        var fields: [String: (key: Node, value: Node)]
        var values: [String: FieldValue]
    }

    /// Reads `mapping` as an entry of a `Kind`; nil, with one problem, when its kind is missing (`missing`) or
    /// unknown. `context` names the entry in problems about its fields.
    mutating func kindFields<Kind: SpecKind>(
        _ node: Node, _ mapping: Node.Mapping, common: [String], missing: String, context: (Kind) -> String
    ) -> KindFields<Kind>? {
        guard let kindNode = mapping["kind"] else {
            problem(node, missing)
            return nil
        }
        guard let kind = enumValue(Kind.self, kindNode, what: Kind.kindName) else { return nil }
        let fields = knownFields(mapping, known: common + kind.fieldNames, context: context(kind))
        var values: [String: FieldValue] = [:]
        for name in kind.fieldNames {
            if let value = fields[name]?.value { values[name] = fieldValue(value) }
        }
        return KindFields(kind: kind, fields: fields, values: values)
    }
}
