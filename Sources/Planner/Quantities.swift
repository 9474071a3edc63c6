import Foundation

/// Reading and writing the numbers users type: context lengths with binary suffixes (8k = 8192,
/// the paper's convention) and token, parameter or FLOP counts with decimal ones (2T = 2e12).
public enum Quantities {
    /// What a number stands for; decides the suffixes it takes and the checks it must pass.
    public enum Kind: Sendable {
        /// Context or prompt length in tokens: k = 1024, m = 1024^2.
        case contextTokens
        /// A count (tokens, parameters, FLOPs, GPUs): K = 1e3, M = 1e6, B or G = 1e9, T = 1e12,
        /// P = 1e15.
        case count
        /// A plain number: no suffix.
        case plain
        /// A whole number (shots, GPUs): no suffix, no fraction.
        case whole

        /// The largest value accepted: far past anything the law is used for, and small enough
        /// that products of such values (tokens x steps x batch x parameters) stay finite.
        var maximum: Double {
            switch self {
            case .contextTokens: return 1_073_741_824  // 1,048,576k tokens
            case .count: return 1e40
            case .plain: return 1e15
            case .whole: return 1e9
            }
        }

        var multipliers: [Character: Double] {
            switch self {
            case .contextTokens: return ["k": 1024, "m": 1_048_576]
            case .count: return ["k": 1e3, "m": 1e6, "b": 1e9, "g": 1e9, "t": 1e12, "p": 1e15]
            case .plain, .whole: return [:]
            }
        }
    }

    /// Parses `token` as a finite number of the given kind, with `_` allowed between digits.
    /// `what` names the value in the message of a rejection ("--nctx").
    public static func parse(
        _ token: String, as kind: Kind, what: String, allowZero: Bool = false
    ) throws -> Double {
        // Fast path for plain decimal numbers, which is what data files hold: no suffix, no
        // separators, nothing for the checks below to reject.
        if token.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 101 || $0 == 69 }),
            let value = Double(token), value.isFinite, value > 0 || (allowZero && value == 0), value <= kind.maximum
        {
            return value
        }
        let trimmed = token.trimmingCharacters(in: .whitespaces)
        let expected = expectation(kind)
        let what = what.isEmpty ? "" : what + ": "
        guard !trimmed.isEmpty else { throw InputError("\(what)empty value; expected \(expected)") }
        var body = Substring(trimmed.replacingOccurrences(of: "_", with: ""))
        var multiplier = 1.0
        if let last = body.last, let m = kind.multipliers[Character(last.lowercased())] {
            multiplier = m
            body = body.dropLast()
        }
        guard !trimmed.hasPrefix("_"), !trimmed.hasSuffix("_"), !trimmed.contains("__"),
            body.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let value = Double(body)
        else {
            throw InputError("\(what)'\(token)' is not a number; expected \(expected)")
        }
        let scaled = value * multiplier
        guard scaled.isFinite, scaled <= kind.maximum else {
            throw InputError("\(what)'\(token)' is too large; expected at most \(formatScientific(kind.maximum, digits: 4)) (\(expected))")
        }
        if scaled < 0 { throw InputError("\(what)'\(token)' is negative; expected \(expected)") }
        if scaled == 0 && !allowZero {
            throw InputError("\(what)'\(token)' is zero; expected a positive value (\(expected))")
        }
        return scaled
    }

    /// Parses a whole count such as a shot count or a number of GPUs.
    public static func parseWhole(_ token: String, what: String, allowZero: Bool = true) throws -> Int {
        let value = try parse(token, as: .whole, what: what, allowZero: allowZero)
        guard value == value.rounded() else {
            throw InputError("\(what.isEmpty ? "" : what + ": ")'\(token)' is not a whole number; expected \(expectation(.whole))")
        }
        return Int(value)
    }

    static func expectation(_ kind: Kind) -> String {
        switch kind {
        case .contextTokens: return "tokens such as 8k (= 8192), 128K or 32768"
        case .count: return "a count such as 1.5e23, 2T, 0.21B or 3_355_443_200"
        case .plain: return "a number such as 0.4 or 3"
        case .whole: return "a whole number such as 8 or 31"
        }
    }

    // MARK: - Formatting

    /// A context length the way the paper writes it: 8192 -> "8k", 131072 -> "128k", 4850 -> "4,850"
    /// (and 1,048,576 -> "1M", as `--nctx 1m` reads).
    public static func formatContext(_ tokens: Double) -> String {
        if tokens >= 1_048_576, tokens < 1e15, tokens.truncatingRemainder(dividingBy: 1_048_576) == 0 {
            return "\(Int(tokens / 1_048_576))M"
        }
        if tokens >= 1024, tokens < 1e15, tokens.truncatingRemainder(dividingBy: 1024) == 0 {
            return "\(Int(tokens / 1024))k"
        }
        return formatTokens(tokens)
    }

    /// A token count rounded to a whole number with thousands separators: "4,850".
    public static func formatTokens(_ tokens: Double) -> String {
        guard tokens.isFinite, abs(tokens) < 1e15 else { return formatScientific(tokens, digits: 3) }
        return grouped(Int(tokens.rounded()))
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// A large count in scientific notation with `digits` significant figures: "1.5227e23".
    public static func formatScientific(_ value: Double, digits: Int = 5) -> String {
        guard value.isFinite else { return String(value) }
        guard value != 0 else { return "0" }
        let exponent = Int(floor(log10(abs(value))))
        var mantissa = value / pow(10, Double(exponent))
        var e = exponent
        let rounded = (mantissa * pow(10, Double(digits - 1))).rounded() / pow(10, Double(digits - 1))
        mantissa = rounded
        if abs(mantissa) >= 10 { mantissa /= 10; e += 1 }
        var text = String(format: "%.\(max(0, digits - 1))f", mantissa)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return "\(text)e\(e)"
    }

    /// A count with a decimal suffix and three significant figures: 2.097e8 -> "210M",
    /// 2e12 -> "2T".
    public static func formatCount(_ value: Double) -> String {
        guard value.isFinite, value < 1e18 else { return formatScientific(value, digits: 3) }
        let units: [(Double, String)] = [(1e15, "P"), (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (scale, suffix) in units where value >= scale {
            return trimmed(String(format: "%.3g", value / scale)) + suffix
        }
        return trimmed(String(format: "%.3g", value))
    }

    /// A fitted parameter: four significant figures, in scientific notation only when large or
    /// small (9.96, 0.26, 1.3e5, 9.7e29).
    public static func formatParameter(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) { return formatScientific(value, digits: 4) }
        return String(format: "%.4g", value)
    }

    /// A score to three decimals, as the paper's tables print them.
    public static func formatScore(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    public static func trimmed(_ text: String) -> String {
        guard text.contains("."), !text.contains("e") else { return text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}
