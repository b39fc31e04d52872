/// The `Encoder` handed to each value's `encode(to:)`: the containers it opens sit at `depth + 1` in the shared sink.
struct JSONBytesEncoding: Encoder {
    let sink: JSONSink
    let depth: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Asked twice by the same value (a wrapper passing its encoder on), the container it already opened is reused.
        let level = sink.depth > depth ? depth + 1 : sink.openContainer(isObject: true, at: depth)
        return KeyedEncodingContainer(JSONBytesKeyedContainer<Key>(sink: sink, depth: level))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let level = sink.depth > depth ? depth + 1 : sink.openContainer(isObject: false, at: depth)
        return JSONBytesUnkeyedContainer(sink: sink, depth: level)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONBytesSingleValue(sink: sink, depth: depth) }
}

/// Members of one JSON object.
struct JSONBytesKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let depth: Int

    var codingPath: [any CodingKey] { [] }

    private func member(_ key: Key) {
        sink.startMember(of: depth)
        sink.writeKey(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        member(key)
        sink.writeNull()
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        member(key)
        sink.writeBool(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        member(key)
        sink.writeString(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        member(key)
        try sink.writeDouble(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        member(key)
        try sink.writeDouble(Double(value))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { try integer(Int64(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(Int64(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(Int64(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(Int64(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try unsigned(UInt64(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try unsigned(UInt64(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try unsigned(UInt64(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try unsigned(UInt64(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try unsigned(value, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        member(key)
        try sink.encodeValue(value, depth: depth)
    }

    private func integer(_ value: Int64, _ key: Key) throws {
        member(key)
        sink.writeInteger(value)
    }

    private func unsigned(_ value: UInt64, _ key: Key) throws {
        member(key)
        sink.writeUnsigned(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        member(key)
        return KeyedEncodingContainer(
            JSONBytesKeyedContainer<NestedKey>(sink: sink, depth: sink.openContainer(isObject: true, at: depth)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        member(key)
        return JSONBytesUnkeyedContainer(sink: sink, depth: sink.openContainer(isObject: false, at: depth))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    /// Super encoders may be left unused, which a stream cannot take back: the whole value is then encoded by
    /// Foundation instead (no stored type uses them).
    private func superEncoder(named name: String) -> any Encoder {
        sink.needsFoundation = true
        sink.startMember(of: depth)
        sink.writeKey(name)
        return JSONBytesEncoding(sink: sink, depth: depth)
    }
}

/// Elements of one JSON array.
struct JSONBytesUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: JSONSink
    let depth: Int

    var codingPath: [any CodingKey] { [] }
    var count: Int { sink.members(at: depth) }

    mutating func encodeNil() throws {
        sink.startMember(of: depth)
        sink.writeNull()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        sink.startMember(of: depth)
        try sink.encodeValue(value, depth: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        sink.startMember(of: depth)
        return KeyedEncodingContainer(
            JSONBytesKeyedContainer<NestedKey>(sink: sink, depth: sink.openContainer(isObject: true, at: depth)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.startMember(of: depth)
        return JSONBytesUnkeyedContainer(sink: sink, depth: sink.openContainer(isObject: false, at: depth))
    }

    mutating func superEncoder() -> any Encoder {
        sink.needsFoundation = true
        sink.startMember(of: depth)
        return JSONBytesEncoding(sink: sink, depth: depth)
    }
}

/// One value in the slot its parent prepared (after a key, an array separator, or at the top).
struct JSONBytesSingleValue: SingleValueEncodingContainer {
    let sink: JSONSink
    let depth: Int

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.writeNull() }
    mutating func encode(_ value: Bool) throws { sink.writeBool(value) }
    mutating func encode(_ value: String) throws { sink.writeString(value) }
    mutating func encode(_ value: Double) throws { try sink.writeDouble(value) }
    mutating func encode(_ value: Float) throws { try sink.writeDouble(Double(value)) }
    mutating func encode(_ value: Int) throws { sink.writeInteger(Int64(value)) }
    mutating func encode(_ value: Int8) throws { sink.writeInteger(Int64(value)) }
    mutating func encode(_ value: Int16) throws { sink.writeInteger(Int64(value)) }
    mutating func encode(_ value: Int32) throws { sink.writeInteger(Int64(value)) }
    mutating func encode(_ value: Int64) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { sink.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { sink.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { sink.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { sink.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { sink.writeUnsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.encodeValue(value, depth: depth) }
}
