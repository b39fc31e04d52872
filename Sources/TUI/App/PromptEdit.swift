/// What a key does to a line being typed: the shared editing of every prompt (filter, command, note, title, time).
enum PromptEdit: Equatable {
    /// The text changed (or stayed, for a key prompts ignore).
    case editing(String)
    /// Enter: use the text.
    case submit(String)
    /// Esc, or Backspace on an empty line: leave the prompt.
    case cancel

    init(_ key: Key, text: String) {
        var text = text
        switch key {
        case .escape:
            self = .cancel
            return
        case .enter:
            self = .submit(text)
            return
        case .backspace:
            if text.isEmpty {
                self = .cancel
                return
            }
            text.removeLast()
        case .control("u"):
            text = ""
        case .character(let character):
            text.append(character)
        default:
            break
        }
        self = .editing(text)
    }
}
