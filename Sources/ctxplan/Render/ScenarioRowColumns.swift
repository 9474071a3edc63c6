import ContextScaling
import Planner

/// Each answer's main columns in a scenario table: what a reader compares across scenarios.
/// Keys are the answer's JSON keys; the whole answer is in the JSON `rows`.

extension Prediction: ScenarioRow {}

extension ComputeForAnswer: ScenarioRow {
    var keyColumns: [ScenarioColumn] {
        let compute: String
        switch solution {
        case _ where notReachableAtConfidence: compute = "not reachable"
        case .reached(let c): compute = Quantities.formatScientific(c)
        case .reachedAtAnyCompute: compute = "any"
        case .unreachable, .beyondAnyCompute: compute = "not reachable"
        }
        var columns = [
            .reachable(reachable),
            ScenarioColumn(key: "compute", header: "compute", text: compute, field: .number(flops)),
        ] + ScenarioColumn.interval(interval, "compute", score: false) + [
            .score("ceiling", "ceiling", ceiling),
            .tokens("n_pmt", "n_pmt", nPmt),
            .limit("n_ctx", "n_ctx", nCtx),
        ]
        switch modelSize {
        case .parameters(let n, let d)?, .tokens(let d, let n)?:
            columns += [.count("params", "N", n), .count("tokens", "D", d)]
        case nil: break
        }
        if let baseline {
            columns += [
                .flops("baseline_compute", "baseline", baseline.flops),
                .flops("additional_compute", "additional", baseline.additionalFlops),
                .count("additional_percent", "+%", baseline.additionalFraction * 100),
            ]
        }
        return columns + ScenarioColumn.budget(budget)
    }
}

extension ExtensionCost: ScenarioRow {}

extension ShotsAnswer: ScenarioRow {
    var keyColumns: [ScenarioColumn] {
        [
            .whole("best_shots", "best", best.shots),
            .score("best_score", "score", best.score),
            .tokens("best_n_pmt", "n_pmt", best.promptTokens),
            .whole("knee_shots", "knee", knee.shots),
            .score("knee_score", "score", knee.score),
            .tokens("knee_n_pmt", "n_pmt", knee.promptTokens),
            .flops("compute", "compute", scenario.flops),
            .limit("n_ctx", "n_ctx", scenario.nCtx),
        ]
    }
}

extension ContextForAnswer: ScenarioRow {
    /// The fewest shots that reach the target and what they score; empty when none do (the
    /// best shot count is in the JSON answer, as `best_shots`).
    var keyColumns: [ScenarioColumn] {
        var fewest: ShotChoice?
        if case .reached(let choice, _) = solution { fewest = choice }
        return [
            .reachable(fewest != nil),
            fewest.map { .whole("shots", "shots", $0.shots) }
                ?? ScenarioColumn(key: "shots", header: "shots", text: "", field: .empty),
            .tokens("n_pmt", "n_pmt", fewest?.promptTokens),
            .score("score", "score", fewest?.score),
            .flops("compute", "compute", scenario.flops),
            .limit("n_ctx", "n_ctx", scenario.nCtx),
        ]
    }
}

extension ExtendAnswer: ScenarioRow {
    /// The recommended limit and what it gives and costs; "none" when no limit qualifies.
    var keyColumns: [ScenarioColumn] {
        let pick = recommended.map { options[$0] }
        return [
            ScenarioColumn(
                key: "recommended_nctx", header: "recommended", text: pick.map { Fmt.limit($0.nCtx) } ?? "none",
                field: .number(pick?.nCtx)),
            .score("score", "score", pick?.score),
            .count("extension_tokens", "ext. tokens", pick?.extensionTokens),
            .flops("extension_flops", "ext. FLOPs", pick?.extensionFlops),
            .tokens("n_pmt", "n_pmt", nPmt),
        ] + ScenarioColumn.budget(pick?.budget)
    }
}

extension ScenarioColumn {
    /// An empty text cell for an absent value; an empty CSV field, never "nan".
    private static func cell(_ key: String, _ header: String, _ value: Double?, _ text: (Double) -> String) -> Self {
        ScenarioColumn(key: key, header: header, text: value.map(text) ?? "", field: .number(value))
    }

    static func score(_ key: String, _ header: String, _ value: Double?) -> Self {
        cell(key, header, value, Fmt.score)
    }
    static func flops(_ key: String, _ header: String, _ value: Double?) -> Self {
        cell(key, header, value) { $0 > 0 ? Quantities.formatScientific($0) : "0" }
    }
    static func tokens(_ key: String, _ header: String, _ value: Double?) -> Self {
        cell(key, header, value, Quantities.formatTokens)
    }
    static func limit(_ key: String, _ header: String, _ value: Double?) -> Self {
        cell(key, header, value, Fmt.limit)
    }
    static func count(_ key: String, _ header: String, _ value: Double?) -> Self {
        cell(key, header, value, Fmt.number)
    }
    static func whole(_ key: String, _ header: String, _ value: Int) -> Self {
        ScenarioColumn(key: key, header: header, text: String(value), field: .integer(value))
    }

    /// The ends of an answer's interval, "80% low" and "80% high" (keys `score_low`,
    /// `score_high` or `compute_low`, `compute_high`); none without an interval.
    static func interval(_ interval: Interval?, _ quantity: String, score: Bool) -> [Self] {
        guard let interval else { return [] }
        let level = IntervalOptions.level(interval)
        let make = score ? Self.score : Self.flops
        // A compute end among outcomes that never reach the target is "never" (an empty field).
        func end(_ key: String, _ header: String, _ value: Double?) -> Self {
            var column = make(key, header, value)
            if value == nil, !score { column.text = "never" }
            return column
        }
        return [end(quantity + "_low", level + " low", interval.low), end(quantity + "_high", level + " high", interval.high)]
    }

    /// Whether the target is reached: "yes" or "no", in CSV "true" or "false" (as `fits`).
    static func reachable(_ reached: Bool) -> Self {
        ScenarioColumn(
            key: "reachable", header: "reached", text: reached ? "yes" : "no", field: .text(reached ? "true" : "false"),
            isWords: true)
    }

    /// GPU-hours, days and dollars, when the answer has a budget.
    static func budget(_ budget: Budget?) -> [Self] {
        guard let budget else { return [] }
        var columns: [Self] = [.count("gpu_hours", "GPU-hours", budget.gpuHours), .count("days", "days", budget.days)]
        if let dollars = budget.dollars {
            columns.append(
                ScenarioColumn(
                    key: "dollars", header: "dollars", text: "$" + Fmt.number(dollars), field: .number(dollars))
            )
        }
        return columns
    }
}
