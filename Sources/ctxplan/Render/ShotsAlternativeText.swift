import Planner

extension ShotsAlternative {
    /// The alternative's fields; `extend` names its cost extension compute, `compute-for` training
    /// compute.
    var report: Report {
        let cost = kind == .fewerShots ? "extension_compute" : "compute"
        return Report([
            Field("kind", .string(kind.rawValue)),
            Field("shots", .integer(shots)),
            Field("n_pmt", .tokens(promptTokens)),
            Field("n_ctx", .limit(nCtx)),
            Field("score", .score(score)),
            Field(cost, .flops(flops)),
            Field(cost + "_saved", .flops(savedFlops)),
            Field("recommended", .bool(recommended)),
        ])
    }

    /// "52 shots (4,017 tokens) at 4k"
    var setting: String { "\(Words.count(shots, "shot")) (\(Fmt.tokens(promptTokens))) at \(Fmt.limit(nCtx))" }

    /// `extend`'s one line: fewer shots at the model's own limit against the recommended
    /// extension (`chosen`: its limit and score, nil when no limit is recommended).
    func extendLine(chosen: (nCtx: Double, score: Double)?, within: Double, target: Double?) -> StyledText {
        let head = "instead: \(setting) fit with no extension and score \(Fmt.score(score))"
        guard recommended else {
            let short =
                target.map { "below the target \(Fmt.score($0))" }
                ?? chosen.map { "short of \(Fmt.limit($0.nCtx))'s \(Fmt.score($0.score))" } ?? "short"
            return StyledText(head + ", " + short)
        }
        let same: String
        if let target {
            same = "reaching the target \(Fmt.score(target))"
        } else if let chosen {
            same = "within \(Fmt.percent(within)) of \(Fmt.limit(chosen.nCtx))'s \(Fmt.score(chosen.score))"
        } else {
            same = "the only prompt that fits"
        }
        let saved = savedFlops > 0 ? ", saving \(Self.flops(savedFlops)) extension FLOPs" : ""
        return head + ", " + same + saved + ": " + .good("recommended")
    }

    /// `compute-for --model`'s one line: more shots at the model's own compute.
    func computeForLine(baseline: BaselineGap) -> StyledText {
        "instead: \(setting) reach \(Fmt.score(score)) at \(baseline.model)'s compute"
            + ", saving the additional \(Self.flops(savedFlops)) FLOPs: " + .good("recommended")
    }

    /// Three figures, as the tables show FLOPs.
    private static func flops(_ value: Double) -> String { Quantities.formatScientific(value, digits: 3) }
}
