/// Just enough of Kubernetes' protobuf encoding to read what kubectl sends as protobuf
/// (`Content-Type: application/vnd.kubernetes.protobuf`): the `k8s\0` envelope and a SelfSubjectAccessReview.
enum ProtobufEnvelope {
    static let contentType = "application/vnd.kubernetes.protobuf"

    /// The JSON form of a protobuf SelfSubjectAccessReview body, or nil when the bytes are not one.
    static func accessReviewJSON(_ body: [UInt8]) -> JSONValue? {
        guard body.count > 4, Array(body[0..<4]) == Array("k8s\u{0}".utf8),
            let unknown = fields(Array(body[4...])), let raw = unknown[2]?.first,
            let review = fields(raw), let specBytes = review[2]?.first, let spec = fields(specBytes)
        else { return nil }
        func strings(_ bytes: [UInt8]?, names: [Int: String]) -> JSONValue? {
            guard let bytes, let parsed = fields(bytes) else { return nil }
            var object: [String: JSONValue] = [:]
            for (number, name) in names {
                if let value = parsed[number]?.first { object[name] = .string(String(decoding: value, as: UTF8.self)) }
            }
            return .object(object)
        }
        var specJSON: [String: JSONValue] = [:]
        specJSON["resourceAttributes"] = strings(
            spec[1]?.first,
            names: [1: "namespace", 2: "verb", 3: "group", 4: "version", 5: "resource", 6: "subresource", 7: "name"])
        specJSON["nonResourceAttributes"] = strings(spec[2]?.first, names: [1: "path", 2: "verb"])
        return .object([
            "kind": "SelfSubjectAccessReview", "apiVersion": "authorization.k8s.io/v1", "spec": .object(specJSON),
        ])
    }

    /// The length-delimited fields of a message by number (varint and fixed fields are skipped); nil on malformed input.
    static func fields(_ bytes: [UInt8]) -> [Int: [[UInt8]]]? {
        var result: [Int: [[UInt8]]] = [:]
        var index = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while index < bytes.count {
            guard let key = varint() else { return nil }
            let field = Int(key >> 3)
            switch key & 7 {
            case 0: guard varint() != nil else { return nil }
            case 1: index += 8
            case 5: index += 4
            case 2:
                guard let length = varint(), index + Int(length) <= bytes.count else { return nil }
                result[field, default: []].append(Array(bytes[index..<(index + Int(length))]))
                index += Int(length)
            default: return nil
            }
            guard index <= bytes.count else { return nil }
        }
        return result
    }
}
