extension String {
    /// The text with its control characters written out, for a message that quotes what a user
    /// typed or a file held: a raw ESC in `--task $'\e[2J'` would clear the terminal the message
    /// is read on, a newline would forge a line of its own, and a NUL would cut the message short
    /// (fputs stops at one). Newline, carriage return and tab read `\n`, `\r`, `\t`; the other C0
    /// controls, DEL and the C1 controls (U+009B starts a sequence on some terminals) read as
    /// `\x1b`, two lower-case hexadecimal digits.
    var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isControlCharacter) else { return self }
        var escaped = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.isControlCharacter:
                let digits = String(scalar.value, radix: 16)
                escaped += "\\x" + (digits.count < 2 ? "0" : "") + digits
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension Unicode.Scalar {
    /// C0 (below U+0020), DEL and C1 (U+0080 to U+009F): the characters a terminal may act on.
    fileprivate var isControlCharacter: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
