import Foundation

/// A Kubernetes IntOrString, kept as text.
struct IntOrString: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let number = try? c.decode(Int.self) {
            text = String(number)
        } else {
            text = try c.decode(String.self)
        }
    }
}
