/// What the decoder needs to know of a Kubernetes protobuf message: each field's number, JSON name and kind.
/// Fields not listed are skipped, as a client skips fields a newer server added.
struct ProtobufSchema: Sendable {
    indirect enum Kind: Sendable {
        case string
        case bool
        /// int32 or int64 (two's complement varint).
        case int
        /// `[]byte`, base64 in JSON.
        case bytes
        /// `resource.Quantity`: field 1 holds its text.
        case quantity
        /// `meta.v1.Time`: seconds and nanos; RFC 3339 in JSON.
        case time
        /// `meta.v1.MicroTime`: as `time`, with microseconds.
        case microTime
        /// `intstr.IntOrString`: type, intVal, strVal.
        case intOrString
        /// `runtime.RawExtension`: field 1 holds JSON bytes.
        case rawJSON
        case message(String)
        /// A message whose fields are written into the parent's JSON object (`Volume.volumeSource`).
        case inline(String)
        /// `map<string, V>`: repeated entries with key 1 and value 2.
        case map(Kind)
        case list(Kind)
    }

    struct Field: Sendable {
        let name: String
        let kind: Kind
    }

    var messages: [String: [Int: Field]]

    init(_ definitions: [(String, [(Int, String, Kind)])]) {
        var messages: [String: [Int: Field]] = [:]
        for (name, fields) in definitions {
            messages[name] = Dictionary(uniqueKeysWithValues: fields.map { ($0.0, Field(name: $0.1, kind: $0.2)) })
        }
        self.messages = messages
    }
}
