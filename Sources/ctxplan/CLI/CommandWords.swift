import Planner

/// What a command line goes through before ArgumentParser sees it.
enum CommandWords {
    /// Longer command lines are rejected: ArgumentParser's work grows with the square of the
    /// number of words (8,000 repeated flags took 5 s), and no command needs more than a few
    /// dozen (`plot` with every model preset is about 60).
    static let maximumWords = 256
    /// Longer words are rejected: a path is at most 4,096 bytes on Linux, and every message
    /// that names a bad word would otherwise print all of it.
    static let maximumWordBytes = 4096

    /// `arguments`, ready for ArgumentParser, or an error naming the word or count over a limit.
    ///
    /// ArgumentParser reads `-5` or `-0.4` as an option name. After an option that takes a
    /// value, the option reads it (every numeric option is `.unconditional`, and its transform
    /// says what is wrong with it). Where a positional value is expected (`budget -5`), the
    /// word is moved behind a `--` terminator, so that it reaches the positional's transform,
    /// which names it and the accepted range, instead of "Missing expected argument".
    static func prepared(_ arguments: [String]) throws -> [String] {
        guard arguments.count <= maximumWords else {
            throw InputError("the command has \(arguments.count) words; expected at most \(maximumWords)")
        }
        if let (index, word) = arguments.enumerated().first(where: { $0.element.utf8.count > maximumWordBytes }) {
            throw InputError(
                "word \(index + 1) ('\(word.prefix(24))...') is \(word.utf8.count) bytes long; "
                    + "expected at most \(maximumWordBytes)")
        }
        return negativeNumbersAsPositionals(AttentionOption.bareFlagAsCausal(arguments))
    }

    static func negativeNumbersAsPositionals(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var moved: [String] = []
        var terminated = false
        for word in arguments {
            if word == "--" { terminated = true }
            if !terminated, looksLikeNegativeNumber(word), !takesValue(kept.last) {
                moved.append(word)
            } else {
                kept.append(word)
            }
        }
        guard !moved.isEmpty else { return arguments }
        return kept + (terminated ? [] : ["--"]) + moved
    }

    /// `-5`, `-0.4`, `-.5`, `-1e23`: a minus sign, then a digit or a point and a digit.
    static func looksLikeNegativeNumber(_ word: String) -> Bool {
        let bytes = Array(word.utf8.prefix(3))
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "-") else { return false }
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        return isDigit(bytes[1]) || (bytes[1] == UInt8(ascii: ".") && bytes.count == 3 && isDigit(bytes[2]))
    }

    /// Whether `word` is an option name that reads the next word as its value: `--nctx`, not
    /// `--nctx=8k`, not a value, and not one of the flags (which take no value).
    private static func takesValue(_ word: String?) -> Bool {
        guard let word, word.hasPrefix("-"), !word.contains("="), !looksLikeNegativeNumber(word) else { return false }
        return !flags.contains(word)
    }

    /// Every flag of the command tree; a negative number after one of them is a positional.
    static let flags: Set<String> = [
        "--json", "--force", "--ascii", "--backtests", "--percent", "--help", "-h", "--version",
        "--no-rc", "--skip-bad",
    ]
}
