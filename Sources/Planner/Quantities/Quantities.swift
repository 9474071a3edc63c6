import Foundation

/// Reading the numbers users type: context lengths with binary suffixes (8k = 8192, the paper's
/// convention) and token, parameter or FLOP counts with decimal ones (2T = 2e12). The program
/// writes numbers (ctxplan's Output/NumberFormat.swift).
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
        public var maximum: Double {
            switch self {
            case .contextTokens: return 1_073_741_824  // 1,048,576k tokens
            case .count: return 1e40
            case .plain: return 1e15
            case .whole: return 1e9
            }
        }

        /// The smallest positive value accepted: counts and lengths are at least one (a token
        /// count of 1e-300 is no count), plain numbers (MFU, prices) any positive value.
        var minimum: Double {
            switch self {
            case .contextTokens, .count, .whole: return 1
            case .plain: return .leastNonzeroMagnitude
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
    /// `what` names the value in a rejection, a `QuantityError` (the caller's name, e.g. "n_ctx").
    public static func parse(
        _ token: String, as kind: Kind, what: String, allowZero: Bool = false
    ) throws -> Double {
        // Fast path for plain decimal numbers, which is what data files hold: no suffix, no
        // separators, nothing for the checks below to reject.
        if token.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 101 || $0 == 69 }),
            let value = Double(token), value.isFinite, value >= kind.minimum || (allowZero && value == 0),
            value <= kind.maximum
        {
            return value
        }
        let trimmed = token.trimmingCharacters(in: .whitespaces)
        func rejected(_ problem: QuantityError.Problem) -> QuantityError {
            QuantityError(what: what, token: token, kind: kind, allowZero: allowZero, problem: problem)
        }
        guard !trimmed.isEmpty else { throw rejected(.empty) }
        var body = Substring(trimmed.replacingOccurrences(of: "_", with: ""))
        var multiplier = 1.0
        if let last = body.last, let m = kind.multipliers[Character(last.lowercased())] {
            multiplier = m
            body = body.dropLast()
        }
        guard !trimmed.hasPrefix("_"), !trimmed.hasSuffix("_"), !trimmed.contains("__"),
            body.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let value = Double(body)
        else { throw rejected(.notANumber) }
        return try inRange(value * multiplier, token: token, as: kind, what: what, allowZero: allowZero)
    }

    /// `value`, read from `token`, if a value of `kind` may be it: finite, not negative, zero
    /// only when allowed, whole for `.whole`, and within the kind's least and largest values.
    static func inRange(
        _ value: Double, token: String, as kind: Kind, what: String, allowZero: Bool
    ) throws -> Double {
        func rejected(_ problem: QuantityError.Problem) -> QuantityError {
            QuantityError(what: what, token: token, kind: kind, allowZero: allowZero, problem: problem)
        }
        guard value.isFinite, value <= kind.maximum else { throw rejected(.tooLarge) }
        if value < 0 { throw rejected(.negative) }
        if value == 0 && !allowZero { throw rejected(.zero) }
        if kind == .whole && value != value.rounded() { throw rejected(.notWhole) }
        if value > 0 && value < kind.minimum { throw rejected(.lessThanOne) }
        return value
    }

    /// Parses a whole count such as a shot count or a number of GPUs.
    public static func parseWhole(_ token: String, what: String, allowZero: Bool = true) throws -> Int {
        let value = try parse(token, as: .whole, what: what, allowZero: allowZero)
        // The fast path for plain decimals lets fractions through.
        guard value == value.rounded() else {
            throw QuantityError(what: what, token: token, kind: .whole, allowZero: allowZero, problem: .notWhole)
        }
        return Int(value)
    }
}
