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
