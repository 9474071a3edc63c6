import Planner

extension Prediction: Reporting {
    var report: Report { report(binding: nil) }

    /// The answer; `binding`, when given, follows `score` (where `explain` documents it).
    func report(binding: Explanation.Factor?) -> Report {
        let setting = "\(scenario.task.metric), \(scenario.task.name) on \(Fmt.setting(scenario))"
        var report = Report([
            Field("task", .string(scenario.task.name)),
            Field("model", .string(scenario.model.map(Fmt.model))),
            Field(
                "score", .score(score), text: .field("score", .bold(Fmt.score(score)) + intervalText + "  " + setting),
                column: Column("score", interval: interval)),
        ])
        if let target {
            report += .text(
                "chance",
                StyledText(
                    probability.map { String(format: "%.2f", $0) + " that the score reaches " + Fmt.score(target) }
                        ?? "unknown: the task has no bootstrap draws"))
        }
        if let binding { report += Field("binding", .string(binding.rawValue)) }
        // Text shows the factors under the score, then compute and the law's split, then the prompt.
        report += [
            Field(
                "compute", .flops(scenario.flops), text: .field("compute", StyledText(Fmt.flops(scenario.flops))),
                column: Column("compute"), textRank: 1, columnRank: 1),
            Field(
                "n_pmt", .tokens(nPmt), text: .field("n_pmt", StyledText(Fmt.prompt(nPmt, shots: shots))),
                column: Column("n_pmt"), textRank: 2, columnRank: 1),
            Field("shots", .integer(shots)),
            Field(
                "n_ctx", .limit(scenario.nCtx), text: .field("n_ctx", StyledText(Fmt.limit(scenario.nCtx))),
                column: Column("n_ctx"), textRank: 2, columnRank: 1),
            Field("factors", .report(factorsReport), text: .inPlace),
            Field("interval", .interval(interval)),
        ]
        if let lawSplit {
            report += Field(
                "law_split", .report(lawSplit.report), text: .field("law's split", StyledText(lawSplit.text)),
                textRank: 1)
        }
        if let target { report += [Field("target", .score(target)), Field("probability", .count(probability))] }
        return report + [.notes(notes, rank: 3)]
    }

    /// Eq. (1)'s factors, and those only some law forms have, where they act: the decay form's on
    /// an extended model, the floor form's chance floor (score = floor + (1 - floor) x the product).
    private var factorsReport: Report {
        func factor(_ key: String, _ label: String, _ header: String, _ value: Double) -> Field {
            Field(key, .score(value), text: .field("  " + label, StyledText(Fmt.score(value))), column: Column(header))
        }
        return Report(
            [
                factor("compute", "compute factor", "compute f.", factors.compute),
                factor("context", "context factor", "context f.", factors.context),
                factor("penalty", "penalty", "penalty", factors.penalty),
            ] + (factors.decay != 1 ? [factor("extension_decay", "extension decay", "decay f.", factors.decay)] : [])
                + (factors.floor != 0 ? [factor("chance_floor", "chance floor", "floor", factors.floor)] : []))
    }

    /// " (80%: 0.108..0.157)" after the score, or nothing.
    var intervalText: String { interval.map { " " + IntervalOptions.text($0, Fmt.score) } ?? "" }
}

extension Explanation: Reporting {
    /// The prediction's JSON with the binding factor and the sentences; text, the sentences alone.
    var report: Report {
        let p = prediction
        return Report([
            .line(
                "score " + .bold(Fmt.score(p.score))
                    + "\(p.intervalText): \(p.scenario.task.name) on \(Fmt.setting(p.scenario))")
        ]) + p.report(binding: binding).jsonOnly.fields + [
            Field("explanation", .json(.array(sentences.map(JSON.string))))
        ] + sentences.map { .line(StyledText("  " + $0)) } + [Field(nil, .notes(p.notes), text: .inPlace)]
    }

    /// One sentence per factor, then what would lift the score.
    var sentences: [String] {
        let p = prediction
        let f = p.factors
        let limit = Fmt.limit(p.scenario.nCtx)
        let prompt = "the prompt, " + Fmt.prompt(p.nPmt, shots: p.shots)
        var sentences = [
            "compute: \(Fmt.flops(p.scenario.flops)) gives a compute factor of \(Fmt.score(f.compute))",
            "context: \(prompt) gives a context factor of \(Fmt.score(f.context))",
        ]
        let over = tokensOverLimit
        if over > 0 {
            sentences.append(
                "penalty: \(prompt), is \(Quantities.formatTokens(over)) over the \(limit) limit: "
                    + "penalty \(Fmt.score(f.penalty))")
        } else {
            sentences.append(
                "penalty: \(prompt), fits the \(limit) limit with \(Quantities.formatTokens(-over)) to spare: "
                    + "penalty \(Fmt.score(f.penalty))")
        }
        switch binding {
        case .penalty:
            sentences.append(
                "the penalty binds: the prompt does not fit; fewer shots or a longer limit would lift the score "
                    + "(here it is \(Fmt.score(f.score)))")
        case .compute:
            sentences.append(
                "compute binds (factor \(Fmt.score(f.compute))): doubling it would give "
                    + "\(Fmt.score(scoreWithDoubledCompute)) instead of \(Fmt.score(f.score))")
        case .context:
            sentences.append(
                "the prompt binds (context factor \(Fmt.score(f.context))): more shots would lift the score, "
                    + "while they fit the limit")
        }
        return sentences
    }
}
