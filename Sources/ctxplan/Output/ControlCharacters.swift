extension String {
    /// The text with its control characters written out, for a message that quotes what a user
    /// typed or a file held: a raw ESC in `--task $'\e[2J'` would clear the terminal the message
    /// is read on, and a newline would forge a line of its own. ESC reads `\e`, newline `\n`,
    /// carriage return `\r`, tab `\t`, the other C0 controls and DEL `\x07`-style, and the C1
    /// controls (which some terminals obey too) `\u{9B}`-style.
    var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isControlCharacter) else { return self }
        var escaped = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\u{1B}": escaped += "\\e"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: escaped += "\\x" + scalar.hex
            case _ where scalar.isControlCharacter: escaped += "\\u{" + scalar.hex + "}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension Unicode.Scalar {
    /// C0 (below U+0020), DEL and C1 (U+0080 to U+009F): the characters a terminal may act on.
    fileprivate var isControlCharacter: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    /// The value in two upper-case hexadecimal digits (these scalars are all below U+0100).
    fileprivate var hex: String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
