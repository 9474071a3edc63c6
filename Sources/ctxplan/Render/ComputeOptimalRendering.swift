import Planner

extension ComputeOptimalSplit {
    var json: JSON {
        .object([
            ("params", .num(parameters)), ("tokens", .num(tokens)),
            ("law", .string("hoffmann2022_approach3")),
        ])
    }

    /// "N = 18.6B, D = 1.53T tokens  (compute-optimal: Hoffmann et al. 2022, Approach 3)".
    var text: String {
        "N = \(Fmt.number(parameters)), D = \(Fmt.number(tokens)) tokens  "
            + "(compute-optimal: Hoffmann et al. 2022, Approach 3)"
    }
}

extension LawSplit {
    var json: JSON {
        .object([("kind", .string(kind.rawValue)), ("params", .num(params)), ("tokens", .num(tokens))])
    }

    /// "N = 3.1B, D = 410B tokens  (the ladder's compute-optimal split of its own loss)".
    var text: String {
        let why =
            switch kind {
            case .computeOptimal: "the ladder's compute-optimal split of its own loss"
            case .givenParams: "at the N given, by --params or the model"
            case .givenTokens: "at the D given by --tokens"
            }
        return "N = \(Fmt.number(params)), D = \(Fmt.number(tokens)) tokens  (\(why))"
    }
}
