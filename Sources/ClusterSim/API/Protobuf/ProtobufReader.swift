/// Reads the protobuf wire format: one field at a time, with its number and raw value.
struct ProtobufReader {
    /// A field's value as it stands on the wire.
    enum Value {
        case varint(UInt64)
        case fixed64(UInt64)
        case fixed32(UInt32)
        case bytes(ArraySlice<UInt8>)
    }

    /// Why bytes are not a protobuf message.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case truncated(offset: Int)
        case badWireType(Int, offset: Int)

        var description: String {
            switch self {
            case .truncated(let offset): "the message ends inside a field at byte \(offset)"
            case .badWireType(let type, let offset): "wire type \(type) at byte \(offset) is not one protobuf uses"
            }
        }
    }

    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    /// The next field, or nil at the end of the message.
    mutating func next() throws(Failure) -> (number: Int, value: Value)? {
        guard index < bytes.endIndex else { return nil }
        let start = index
        let key = try varint()
        let number = Int(key >> 3)
        switch key & 7 {
        case 0: return (number, .varint(try varint()))
        case 1: return (number, .fixed64(try fixed(8)))
        case 5: return (number, .fixed32(UInt32(truncatingIfNeeded: try fixed(4))))
        case 2:
            let length = try varint()
            guard length <= UInt64(bytes.endIndex - index) else { throw .truncated(offset: start - bytes.startIndex) }
            let value = bytes[index..<(index + Int(length))]
            index += Int(length)
            return (number, .bytes(value))
        default: throw .badWireType(Int(key & 7), offset: start - bytes.startIndex)
        }
    }

    private mutating func varint() throws(Failure) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.endIndex, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw .truncated(offset: index - bytes.startIndex)
    }

    private mutating func fixed(_ size: Int) throws(Failure) -> UInt64 {
        guard bytes.endIndex - index >= size else { throw .truncated(offset: index - bytes.startIndex) }
        var value: UInt64 = 0
        for position in 0..<size { value |= UInt64(bytes[index + position]) << (8 * UInt64(position)) }
        index += size
        return value
    }
}
