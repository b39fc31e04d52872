/// JSON merge patch, RFC 7386 (`application/merge-patch+json`).
extension JSONValue {
    /// Applies an RFC 7386 merge patch: objects merge recursively, `null` removes
    /// a member, and any non-object patch (including arrays) replaces the target.
    public func applyingMergePatch(_ patch: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else {
            return patch
        }
        var result = objectValue ?? [:]
        for (key, value) in patchMembers {
            if value == .null {
                result.removeValue(forKey: key)
            } else {
                result[key] = (result[key] ?? .null).applyingMergePatch(value)
            }
        }
        return .object(result)
    }
}
