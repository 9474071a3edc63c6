import Planner

/// A rejected number in words: the token, what was wrong with it, and what a value of its kind
/// looks like. ArgumentParser and the command loop print an error's description.
extension QuantityError: CustomStringConvertible {
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        let name = what.isEmpty ? "" : what + ": "
        let quoted = InputError.quote(token)
        let expected = Self.expectation(kind)
        let reason: String
        switch problem {
        case .empty: return "\(place)\(name)empty value; expected \(expected)"
        case .notANumber: reason = "is not a number; expected \(expected)"
        case .tooLarge:
            let most = Quantities.formatScientific(kind.maximum, digits: 4)
            reason = "is too large; expected at most \(most) (\(expected))"
        case .negative: reason = "is negative; expected \(expected)"
        case .zero: reason = "is zero; expected a positive value (\(expected))"
        case .notWhole: reason = "is not a whole number; expected \(expected)"
        case .lessThanOne:
            reason = "is less than one; expected \(allowZero ? "0 or at least 1" : "at least 1") (\(expected))"
        }
        return "\(place)\(name)\(quoted) \(reason)"
    }

    /// What a value of `kind` looks like, with examples a user can copy.
    static func expectation(_ kind: Quantities.Kind) -> String {
        switch kind {
        case .contextTokens: return "tokens such as 8k (= 8192), 128K or 32768"
        case .count: return "a count such as 1.5e23, 2T, 0.21B or 3_355_443_200"
        case .plain: return "a number such as 0.4 or 3"
        case .whole: return "a whole number such as 8 or 31"
        }
    }
}
