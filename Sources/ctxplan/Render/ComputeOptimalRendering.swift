import Planner

extension ComputeOptimalSplit {
    var json: JSON {
        .object([
            ("params", .num(parameters)), ("tokens", .num(tokens)),
            ("law", .string("hoffmann2022_approach3")),
        ])
    }

    /// "N = 14.5B, D = 1.96T tokens (Chinchilla, Hoffmann et al. 2022, Approach 3)".
    var text: String {
        "N = \(Fmt.number(parameters)), D = \(Fmt.number(tokens)) tokens  "
            + "(compute-optimal: Hoffmann et al. 2022, Approach 3)"
    }
}
