import Foundation

/// The checklist's blameless check on the 5 whys: a chain that stops at "human error" (or a symptom such as "OOM"
/// or "CPU high") instead of the mechanism that allowed it, or that mentions a person.
public enum BlamelessCheck {
    /// Phrases that name a person's fault rather than a mechanism.
    static let blamePhrases = [
        "human error", "operator error", "user error", "engineer error", "someone forgot", "forgot to", "careless",
        "negligence", "mistake by",
    ]
    /// Symptoms that are not a cause: a chain must not stop at them.
    static let symptoms = ["oom", "oomkilled", "out of memory", "cpu high", "high cpu", "cpu was high"]

    /// Warnings for the checklist (empty when the chain reads blameless). `names` are people the journal knows.
    public static func warnings(whys: String, names: [String] = []) -> [String] {
        let lines = whys.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard let last = lines.last else { return [] }
        var warnings: [String] = []
        let folded = last.lowercased()
        if let phrase = blamePhrases.first(where: { folded.contains($0) }) {
            warnings.append(
                "The 5 whys stop at \"\(phrase)\": ask what mechanism allowed it (a check, a default, a missing guard)")
        } else if let symptom = symptoms.first(where: { stripped(folded) == $0 || stripped(folded).hasSuffix(" \($0)") }
        ) {
            warnings.append("The 5 whys stop at the symptom \"\(symptom)\": keep asking why until a mechanism")
        }
        let text = lines.joined(separator: "\n")
        if let person = mentionedPerson(text, names: names) {
            warnings.append("The 5 whys mention a person (\(person)): name roles and mechanisms, not people")
        }
        return warnings
    }

    /// The last line without a `5.`/`-` marker and final punctuation.
    static func stripped(_ line: String) -> String {
        var text = Substring(line)
        while let first = text.first, first.isNumber || "#.-*) ".contains(first) { text = text.dropFirst() }
        if text.lowercased().hasPrefix("why"), let end = text.firstIndex(where: { $0 == ":" || $0 == "?" }) {
            text = text[text.index(after: end)...]
        }
        return text.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)).lowercased()
    }

    /// An `@handle`, a known name, or a personal pronoun standing for someone.
    static func mentionedPerson(_ text: String, names: [String]) -> String? {
        let words = text.split { !$0.isLetter && !$0.isNumber && $0 != "@" && $0 != "-" && $0 != "_" }.map(String.init)
        if let handle = words.first(where: { $0.hasPrefix("@") && $0.count > 1 }) { return handle }
        let lowered = text.lowercased()
        if let name = names.first(where: { !$0.isEmpty && lowered.contains($0.lowercased()) }) { return name }
        let pronouns: Set<String> = ["he", "she", "him", "his", "hers", "her"]
        if let pronoun = words.first(where: { pronouns.contains($0.lowercased()) }) { return "\"\(pronoun)\"" }
        return nil
    }
}
