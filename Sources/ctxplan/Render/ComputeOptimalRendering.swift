import Planner

extension ComputeOptimalSplit {
    var report: Report {
        Report([
            Field("params", .count(parameters)), Field("tokens", .count(tokens)),
            Field("law", .string("hoffmann2022_approach3")),
        ])
    }

    /// "N = 18.6B, D = 1.53T tokens  (compute-optimal: Hoffmann et al. 2022, Approach 3)".
    var text: String {
        "N = \(Fmt.number(parameters)), D = \(Fmt.number(tokens)) tokens  "
            + "(compute-optimal: Hoffmann et al. 2022, Approach 3)"
    }
}

extension LawSplit {
    var report: Report {
        Report([
            Field("kind", .string(kind.rawValue)), Field("params", .count(params)), Field("tokens", .count(tokens)),
        ])
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
