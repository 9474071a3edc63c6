/// Splits a REPL line into words the way a shell would: spaces separate, single and double
/// quotes group, a backslash escapes the next character, and `#` outside quotes starts a comment.
enum LineSplitter {
    /// Longer lines are rejected before they are read character by character (10 MB took
    /// seconds); a command line needs a few hundred bytes.
    static let maximumBytes = 65_536

    /// A line that cannot be split; the description is the message shown after "error: ".
    enum Problem: Error, Equatable, CustomStringConvertible {
        case unclosedQuote(Character)
        /// A backslash at the end of the line escapes nothing (a shell would read on).
        case trailingBackslash
        case tooLong(bytes: Int)

        var description: String {
            switch self {
            case .unclosedQuote(let q): return "the quote \(q) is never closed; expected a matching \(q)"
            case .trailingBackslash:
                return "the line ends in a backslash, which escapes nothing; "
                    + "expected a character after it (\\\\ for a backslash)"
            case .tooLong(let bytes):
                return "the line is \(bytes) bytes long; expected at most \(LineSplitter.maximumBytes)"
            }
        }
    }

    static func split(_ line: String) throws(Problem) -> [String] {
        guard line.utf8.count <= maximumBytes else { throw .tooLong(bytes: line.utf8.count) }
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character? = nil
        var escaped = false
        for ch in line {
            if escaped {
                word.append(ch)
                escaped = false
                inWord = true
                continue
            }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escaped = true } else { word.append(ch) }
                continue
            }
            switch ch {
            case "\\":
                escaped = true
                inWord = true
            case "'", "\"":
                quote = ch
                inWord = true
            case "#" where !inWord: return finish(words, word, inWord)
            case " ", "\t":
                if inWord {
                    words.append(word)
                    word = ""
                    inWord = false
                }
            default:
                word.append(ch)
                inWord = true
            }
        }
        if escaped && quote == nil { throw .trailingBackslash }
        if let quote { throw .unclosedQuote(quote) }
        return finish(words, word, inWord)
    }

    private static func finish(_ words: [String], _ word: String, _ inWord: Bool) -> [String] {
        inWord ? words + [word] : words
    }
}
