import Planner

/// Arithmetic that has no value, in words that point at the bad token by its text and place.
extension ExpressionError: CustomStringConvertible {
    public var description: String {
        let at = "at character \(offset + 1)"
        let place = token.isEmpty ? "at the end" : "\(InputError.quote(token)) \(at)"
        // ArgumentParser quotes the whole value already; a longer expression is named again.
        let prefix = token == expression ? "" : "in \(InputError.quote(expression)), "
        switch problem {
        case .unexpectedToken: return prefix + "\(place) is not a number, an operator (+ - * /), '(' or '_'"
        case .expectedOperand:
            return prefix + "expected a number, '_' or '(' \(token.isEmpty ? "at the end" : "before \(place)")"
        case .expectedOperator: return prefix + "expected an operator (+ - * /) before \(place)"
        case .unclosedParenthesis: return prefix + "the '(' \(at) has no ')'"
        case .malformedNumber: return prefix + "\(place) is not a number"
        case .divisionByZero: return prefix + "the '/' \(at) divides by zero"
        case .overflow: return prefix + "\(place) gives a number too large to hold"
        case .tooDeep: return prefix + "parentheses nest deeper than \(Expression.maximumDepth) \(at)"
        case .noLastAnswer:
            return prefix
                + "'_' \(at) stands for the last answer's number; there is none (no answer yet, or one without a number)"
        case .wrongMeasure(let found, let expected):
            let last = "'_' is the last answer's \(found.measure.words) (\(Self.value(found)))"
            guard let expected else { return prefix + last + ", and no answer gives this quantity; expected the number itself" }
            return prefix + last + "; expected \(expected.expectation) here"
        }
    }

    static func value(_ measured: Measured) -> String {
        switch measured.measure {
        case .flops: return Quantities.formatScientific(measured.value)
        case .score: return Fmt.score(measured.value)
        case .contextTokens: return Fmt.limit(measured.value)
        case .shots: return String(Int(measured.value))
        case .gpuHours: return Fmt.number(measured.value)
        }
    }
}

extension Measure {
    /// What a number of this measure is, in a sentence: "FLOPs", "score".
    var words: String {
        switch self {
        case .flops: return "compute in FLOPs"
        case .score: return "score"
        case .contextTokens: return "token count (a prompt or a limit)"
        case .shots: return "shot count"
        case .gpuHours: return "GPU-hours"
        }
    }

    /// What is expected where a number of this measure goes: "a score".
    var expectation: String {
        switch self {
        case .flops, .gpuHours: return words
        case .score, .contextTokens, .shots: return "a " + words
        }
    }
}
