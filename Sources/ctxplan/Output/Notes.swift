/// A note under an answer, as every format prints it: a stable snake_case `code` that programs
/// can match, and the `text` people read (what the text output prints after "note: ").
protocol NoteRendering {
    var code: String { get }
    var text: String { get }
}

extension JSON {
    /// `{"code": ..., "text": ...}`: the JSON shape of one note.
    static func note(code: String, text: String) -> JSON {
        .object([("code", .string(code)), ("text", .string(text))])
    }

    static func notes(_ notes: [some NoteRendering]) -> JSON {
        .array(notes.map { JSON.note(code: $0.code, text: $0.text) })
    }
}

extension TextBlock {
    /// A note, wrapped to `width` when there is one (a terminal): continuation lines are
    /// indented under the note's text, past "note: ".
    mutating func note(_ note: some NoteRendering, width: Int? = nil) {
        let indent = Wrapping.noteIndent
        self.note(Wrapping.wrap(note.text, width: width.map { $0 - indent.count }, indent: indent))
    }
}

enum Wrapping {
    /// As wide as "note: ", the tag before a note's first line.
    static let noteIndent = "      "

    /// `text` broken at spaces into lines of at most `width` characters (a longer word keeps
    /// its line), joined with `indent` before every line but the first. No width: unchanged.
    static func wrap(_ text: String, width: Int?, indent: String) -> String {
        guard let width, width >= 20, text.count > width else { return text }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n" + indent)
    }
}
