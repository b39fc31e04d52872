import Foundation

/// The three PATCH flavours kube-apiserver accepts for built-in types.
enum PatchKind: Sendable, Equatable, CaseIterable {
    /// `application/strategic-merge-patch+json`
    case strategicMerge
    /// `application/merge-patch+json` (RFC 7386)
    case merge
    /// `application/json-patch+json` (RFC 6902)
    case json

    /// Recognises a `Content-Type` header value, ignoring case and parameters
    /// such as `; charset=utf-8`. Returns `nil` for anything else.
    init?(contentType: String) {
        let mediaType =
            contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            .first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let kind = Self.allCases.first(where: { $0.contentType == mediaType }) else { return nil }
        self = kind
    }

    /// The canonical media type.
    var contentType: String {
        switch self {
        case .strategicMerge: "application/strategic-merge-patch+json"
        case .merge: "application/merge-patch+json"
        case .json: "application/json-patch+json"
        }
    }

    /// Human-readable name used in error messages.
    var displayName: String {
        switch self {
        case .strategicMerge: "strategic merge patch"
        case .merge: "merge patch"
        case .json: "json patch"
        }
    }
}

extension JSONValue {
    /// Parses `body` and applies it to this document as a patch of the given kind.
    func applyingPatch(_ body: Data, kind: PatchKind) throws(PatchError) -> JSONValue {
        let patch: JSONValue
        do {
            patch = try JSONValue(parsing: body)
        } catch {
            throw .malformedBody(kind: kind, message: error.description)
        }
        switch kind {
        case .strategicMerge: return try applyingStrategicMergePatch(patch)
        case .merge: return applyingMergePatch(patch)
        case .json: return try applyingJSONPatch(patch)
        }
    }
}
