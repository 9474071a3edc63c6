import Foundation
import Planner

/// Writing numbers the way the program prints them: context lengths as the paper writes them
/// (8k), counts with decimal suffixes (210M), scores to the paper's three decimals. The Planner
/// reads numbers (`Quantities.parse`); the program writes them.
extension Quantities {
    /// A context length the way the paper writes it: 8192 -> "8k", 131072 -> "128k", 4850 -> "4,850"
    /// (and 1,048,576 -> "1M", as `--nctx 1m` reads).
    static func formatContext(_ tokens: Double) -> String {
        if tokens >= 1_048_576, tokens < 1e15, tokens.truncatingRemainder(dividingBy: 1_048_576) == 0 {
            return "\(Int(tokens / 1_048_576))M"
        }
        if tokens >= 1024, tokens < 1e15, tokens.truncatingRemainder(dividingBy: 1024) == 0 {
            return "\(Int(tokens / 1024))k"
        }
        return formatTokens(tokens)
    }

    /// A token count rounded to a whole number with thousands separators: "4,850".
    static func formatTokens(_ tokens: Double) -> String {
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
    /// printf's `%e` does the rounding, so subnormal values (4.9e-324) and mantissas that round
    /// up to 10 come out right.
    static func formatScientific(_ value: Double, digits: Int = 5) -> String {
        guard value.isFinite else { return formatNonFinite(value) }
        guard value != 0 else { return "0" }
        let printed = String(format: "%.\(max(0, digits - 1))e", value)
        guard let e = printed.firstIndex(of: "e"), let exponent = Int(printed[printed.index(after: e)...]) else {
            return printed
        }
        var mantissa = String(printed[..<e])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return "\(mantissa)e\(exponent)"
    }

    /// A value exactly as it reads back (the fewest significant digits that round-trip):
    /// whole numbers below 1e7 in full (131072), others plainly when near one (0.56, -0.1) and
    /// else in scientific notation (9.7e29, 1e-300, -1e15). For messages that quote a value a
    /// user wrote.
    static func formatExact(_ value: Double) -> String {
        guard value.isFinite else { return formatNonFinite(value) }
        let magnitude = abs(value)
        if value == value.rounded() && magnitude < 1e7 { return String(Int64(value)) }
        if magnitude >= 1e-4 && magnitude < 1e7 { return "\(value)" }
        let digits = (1...17).first { Double(String(format: "%.\($0 - 1)e", value)) == value } ?? 17
        return formatScientific(value, digits: digits)
    }

    /// What is printed in place of a number that is not finite: never "inf" or "nan", which
    /// read as a result. Inputs are validated so that answers stay finite; this is the backstop.
    static func formatNonFinite(_ value: Double) -> String {
        value.isNaN ? "undefined" : (value > 0 ? "overflow" : "-overflow")
    }

    /// A count with a decimal suffix and three significant figures: 2.097e8 -> "210M",
    /// 2e12 -> "2T".
    static func formatCount(_ value: Double) -> String {
        // The unit is chosen on the value as rounded, so 999,700 reads "1M", not "1e+03K".
        let rounded = value.isFinite ? Double(String(format: "%.3g", value)) ?? value : value
        guard value.isFinite, rounded < 1e18 else { return formatScientific(value, digits: 3) }
        let units: [(Double, String)] = [(1e15, "P"), (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (scale, suffix) in units where rounded >= scale {
            return trimmed(String(format: "%.3g", value / scale)) + suffix
        }
        return trimmed(String(format: "%.3g", value))
    }

    /// A fitted parameter: four significant figures, in scientific notation only when large or
    /// small (9.96, 0.26, 1.3e5, 9.7e29).
    static func formatParameter(_ value: Double) -> String {
        guard value.isFinite else { return formatNonFinite(value) }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e4) { return formatScientific(value, digits: 4) }
        return String(format: "%.4g", value)
    }

    /// A score to three decimals, as the paper's tables print them, with more where three would
    /// misstate it: a score just below 1 never prints as 1.000 (a target of 0.9999999999 is not
    /// the ceiling 1). Scores below 0.0005 print as 0.000, as the paper's tables do.
    static func formatScore(_ value: Double) -> String {
        guard value.isFinite else { return formatNonFinite(value) }
        var decimals = 3
        while decimals < 17, value < 1, String(format: "%.\(decimals)f", value).hasPrefix("1.") { decimals += 1 }
        return String(format: "%.\(decimals)f", value)
    }

    static func trimmed(_ text: String) -> String {
        guard text.contains("."), !text.contains("e") else { return text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}
