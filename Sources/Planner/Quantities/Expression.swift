/// Arithmetic wherever a number goes: `6*7B*2T`, `1.5e23-8.4e22`, `2*_`, `(32k-512)/2`.
///
/// A recursive-descent parser over the grammar
///
///     sum     = product (("+" | "-") product)*
///     product = unary (("*" | "/") unary)*
///     unary   = ("-" | "+") unary | operand
///     operand = number | "_" | "(" sum ")"
///
/// so `*` and `/` bind tighter than `+` and `-`, and each level is left-associative (`8/2/2` is
/// 2). A number takes the suffixes of the quantity it is read as (`8k` is 8192 for a limit,
/// `7B` is 7e9 for a count), and `_` between digits separates them (`3_355_443_200`). `_`
/// alone is the last answer's main quantity, accepted only where a number of its measure goes.
public enum Expression {
    /// Parentheses nested deeper than this are rejected: the parser recurses once per level.
    public static let maximumDepth = 64

    /// The value of `text`, finite; not yet checked against the quantity's range.
    ///
    /// - Parameters:
    ///   - kind: decides the suffixes a number takes.
    ///   - measure: what the value measures here; `_` must stand for a number of that measure.
    ///   - last: the last answer's main quantity, which `_` stands for.
    public static func evaluate(
        _ text: String, as kind: Quantities.Kind, measure: Measure?, last: Measured?
    ) throws -> Double {
        var parser = Parser(
            characters: Array(text), text: text, kind: kind, measure: measure, last: last)
        try parser.tokenize()
        let value = try parser.sum(depth: 0)
        if let extra = parser.peek, extra.kind != .end { throw parser.error(at: extra, .expectedOperator) }
        return value
    }

    /// Whether `token` is arithmetic rather than a plain number: it has an operator or a
    /// parenthesis (a sign counts only after the first character, and not in an exponent, as
    /// in `1e-5`), or an `_` with no digit beside it. A plain number keeps the plain number's
    /// messages.
    public static func isArithmetic(_ token: String) -> Bool {
        let characters = Array(token)
        for (i, c) in characters.enumerated() {
            switch c {
            case "*", "/", "(", ")": return true
            case "+", "-":
                if i > 0, characters[i - 1] != "e", characters[i - 1] != "E" { return true }
            case "_":
                let digitBefore = i > 0 && characters[i - 1].isASCIIDigit
                let digitAfter = i + 1 < characters.count && characters[i + 1].isASCIIDigit
                if !digitBefore && !digitAfter { return true }
            default: break
            }
        }
        return false
    }

    struct Token {
        enum Kind: Equatable { case number(Double), last, plus, minus, times, divide, open, close, end }
        var kind: Kind
        var text: String
        var offset: Int
    }

    struct Parser {
        let characters: [Character]
        let text: String
        let kind: Quantities.Kind
        let measure: Measure?
        let last: Measured?
        var tokens: [Token] = []
        var position = 0

        var peek: Token? { position < tokens.count ? tokens[position] : nil }

        func error(at token: Token, _ problem: ExpressionError.Problem) -> ExpressionError {
            ExpressionError(expression: text, token: token.text, offset: token.offset, problem: problem)
        }

        mutating func tokenize() throws {
            var i = 0
            while i < characters.count {
                let c = characters[i]
                if c.isWhitespace {
                    i += 1
                    continue
                }
                let start = i
                let single: Token.Kind? =
                    switch c {
                    case "+": .plus
                    case "-": .minus
                    case "*": .times
                    case "/": .divide
                    case "(": .open
                    case ")": .close
                    case "_" where !separatesDigits(at: i): .last
                    default: nil
                    }
                if let single {
                    tokens.append(Token(kind: single, text: String(c), offset: i))
                    i += 1
                } else if c.isASCIIDigit || c == "." {
                    i = scanNumberEnd(from: i)
                    tokens.append(try number(from: start, to: i))
                } else {
                    // A run of anything else, named whole: "Q", "abc", "1e" stays with the number.
                    while i < characters.count, !"+-*/() ".contains(characters[i]) { i += 1 }
                    throw ExpressionError(
                        expression: text, token: String(characters[start..<i]), offset: start,
                        problem: .unexpectedToken)
                }
            }
            tokens.append(Token(kind: .end, text: "", offset: characters.count))
        }

        func separatesDigits(at i: Int) -> Bool {
            i > 0 && i + 1 < characters.count && characters[i - 1].isASCIIDigit && characters[i + 1].isASCIIDigit
        }

        /// Digits, points and separators; then an exponent (`e23`, `e-5`) if digits follow the
        /// `e`; then one suffix letter the kind knows.
        func scanNumberEnd(from start: Int) -> Int {
            var i = start
            func digitsAndSeparators() {
                while i < characters.count,
                    characters[i].isASCIIDigit || characters[i] == "."
                        || (characters[i] == "_" && separatesDigits(at: i))
                {
                    i += 1
                }
            }
            digitsAndSeparators()
            if i < characters.count, characters[i] == "e" || characters[i] == "E" {
                let signed = i + 1 < characters.count && (characters[i + 1] == "+" || characters[i + 1] == "-")
                let digitAt = i + (signed ? 2 : 1)
                if digitAt < characters.count, characters[digitAt].isASCIIDigit {
                    i = digitAt
                    digitsAndSeparators()
                }
            }
            if i < characters.count, let letter = characters[i].lowercased().first, kind.multipliers[letter] != nil {
                i += 1
            }
            return i
        }

        func number(from start: Int, to end: Int) throws -> Token {
            let written = String(characters[start..<end])
            var body = Substring(written)
            var multiplier = 1.0
            if let last = body.last, let m = kind.multipliers[Character(last.lowercased())] {
                multiplier = m
                body = body.dropLast()
            }
            let token = Token(kind: .end, text: written, offset: start)
            guard let value = Double(body.replacingOccurrences(of: "_", with: "")), value.isFinite else {
                throw error(at: token, .malformedNumber)
            }
            let scaled = value * multiplier
            guard scaled.isFinite else { throw error(at: token, .overflow) }
            return Token(kind: .number(scaled), text: written, offset: start)
        }

        mutating func advance() -> Token {
            let token = tokens[position]
            if token.kind != .end { position += 1 }
            return token
        }

        mutating func sum(depth: Int) throws -> Double {
            var value = try product(depth: depth)
            while let next = peek, next.kind == .plus || next.kind == .minus {
                let op = advance()
                let right = try product(depth: depth)
                value = try checked(op.kind == .plus ? value + right : value - right, at: op)
            }
            return value
        }

        mutating func product(depth: Int) throws -> Double {
            var value = try unary(depth: depth)
            while let next = peek, next.kind == .times || next.kind == .divide {
                let op = advance()
                let right = try unary(depth: depth)
                if op.kind == .divide {
                    guard right != 0 else { throw error(at: op, .divisionByZero) }
                    value = try checked(value / right, at: op)
                } else {
                    value = try checked(value * right, at: op)
                }
            }
            return value
        }

        mutating func unary(depth: Int) throws -> Double {
            guard let next = peek else { return 0 }
            switch next.kind {
            case .minus, .plus:
                let sign = advance()
                guard depth < Expression.maximumDepth else { throw error(at: sign, .tooDeep) }
                let value = try unary(depth: depth + 1)
                return sign.kind == .minus ? -value : value
            default: return try operand(depth: depth)
            }
        }

        mutating func operand(depth: Int) throws -> Double {
            let token = advance()
            switch token.kind {
            case .number(let value): return value
            case .last:
                guard let last else { throw error(at: token, .noLastAnswer) }
                guard last.measure == measure else {
                    throw error(at: token, .wrongMeasure(found: last, expected: measure))
                }
                return last.value
            case .open:
                guard depth < Expression.maximumDepth else { throw error(at: token, .tooDeep) }
                let value = try sum(depth: depth + 1)
                guard let close = peek, close.kind == .close else {
                    if let next = peek, next.kind != .end { throw error(at: next, .expectedOperator) }
                    throw error(at: token, .unclosedParenthesis)
                }
                _ = advance()
                return value
            default: throw error(at: token, .expectedOperand)
            }
        }

        func checked(_ value: Double, at op: Token) throws -> Double {
            guard value.isFinite else { throw error(at: op, .overflow) }
            return value
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
