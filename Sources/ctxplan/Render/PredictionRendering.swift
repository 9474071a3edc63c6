import Planner

extension Prediction: Rendering {
    var json: JSON { .object(jsonPairs()) }

    /// The JSON fields; `binding`, when given, follows `score` (where `explain` documents it).
    func jsonPairs(binding: Explanation.Factor? = nil) -> [(String, JSON)] {
        let chance: [(String, JSON)] = target.map { [("target", .num($0)), ("probability", .num(probability))] } ?? []
        let head: [(String, JSON)] = [
            ("task", .string(scenario.task.name)),
            ("model", .str(scenario.model.map(Fmt.model))),
            ("score", .num(score)),
        ]
        let bound: [(String, JSON)] = binding.map { [("binding", JSON.string($0.rawValue))] } ?? []
        let rest: [(String, JSON)] = [
            ("compute", .num(scenario.flops)),
            ("n_pmt", .num(nPmt)),
            ("shots", shots.map(JSON.integer) ?? .null),
            ("n_ctx", .num(scenario.nCtx)),
            (
                "factors",
                .object(
                    [
                        ("compute", .num(factors.compute)),
                        ("context", .num(factors.context)),
                        ("penalty", .num(factors.penalty)),
                    ] + extraFactors.map { ($0.key, JSON.num($0.value)) })
            ),
            ("interval", interval.map(IntervalOptions.json) ?? .null),
        ]
        let split: [(String, JSON)] = lawSplit.map { [("law_split", $0.json)] } ?? []
        return head + bound + rest + split + chance + [("notes", .notes(notes))]
    }

    /// " (80%: 0.108..0.157)" after the score, or nothing.
    var intervalText: String { interval.map { " " + IntervalOptions.text($0, Fmt.score) } ?? "" }

    /// The factors only some law forms have, where they act: the decay form's on an extended
    /// model, the floor form's chance floor (score = floor + (1 - floor) x the product).
    var extraFactors: [(key: String, value: Double)] {
        (factors.decay != 1 ? [("extension_decay", factors.decay)] : [])
            + (factors.floor != 0 ? [("chance_floor", factors.floor)] : [])
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        let setting = "\(scenario.task.metric), \(scenario.task.name) on \(Fmt.setting(scenario))"
        block.field("score", style.bold(Fmt.score(score)) + intervalText + "  " + setting)
        if let target {
            block.field(
                "chance",
                probability.map { String(format: "%.2f", $0) + " that the score reaches " + Fmt.score(target) }
                    ?? "unknown: the task has no bootstrap draws")
        }
        block.field("  compute factor", Fmt.score(factors.compute))
        block.field("  context factor", Fmt.score(factors.context))
        block.field("  penalty", Fmt.score(factors.penalty))
        for (key, value) in extraFactors {
            block.field("  " + key.replacingOccurrences(of: "_", with: " "), Fmt.score(value))
        }
        block.field("compute", Fmt.flops(scenario.flops))
        if let lawSplit { block.field("law's split", lawSplit.text) }
        block.field("n_pmt", Fmt.prompt(nPmt, shots: shots))
        block.field("n_ctx", Fmt.limit(scenario.nCtx))
        for note in notes { block.note(note, width: width) }
        return block.text
    }
}

extension Explanation: Rendering {
    var json: JSON {
        .object(prediction.jsonPairs(binding: binding) + [("explanation", .array(sentences.map(JSON.string)))])
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        let p = prediction
        block.line(
            "score \(style.bold(Fmt.score(p.score)))\(p.intervalText): \(p.scenario.task.name) on \(Fmt.setting(p.scenario))"
        )
        for sentence in sentences { block.line("  " + sentence) }
        for note in p.notes { block.note(note, width: width) }
        return block.text
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
