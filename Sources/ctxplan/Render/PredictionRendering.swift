import Planner

extension Prediction: Rendering {
    var json: JSON { .object(jsonPairs()) }

    /// The JSON fields; `binding`, when given, follows `score` (where `explain` documents it).
    func jsonPairs(binding: Explanation.Factor? = nil) -> [(String, JSON)] {
        [
            ("task", .string(scenario.task.name)),
            ("model", .str(scenario.model?.name)),
            ("score", .num(score)),
        ]
            + (binding.map { [("binding", JSON.string($0.rawValue))] } ?? [])
            + [
                ("compute", .num(scenario.flops)),
                ("n_pmt", .num(nPmt)),
                ("shots", shots.map(JSON.integer) ?? .null),
                ("n_ctx", .num(scenario.nCtx)),
                ("factors", .object([
                    ("compute", .num(factors.compute)),
                    ("context", .num(factors.context)),
                    ("penalty", .num(factors.penalty)),
                ])),
                ("interval", interval.map(IntervalOptions.json) ?? .null),
                ("notes", .notes(notes)),
            ]
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        let setting = "\(scenario.task.metric), \(scenario.task.name) on \(Fmt.setting(scenario))"
        block.field("score", style.bold(Fmt.score(score)) + "  " + setting)
        if let i = interval { block.field("", IntervalOptions.text(i, Fmt.score)) }
        block.field("  compute factor", Fmt.score(factors.compute))
        block.field("  context factor", Fmt.score(factors.context))
        block.field("  penalty", Fmt.score(factors.penalty))
        block.field("compute", Fmt.flops(scenario.flops))
        block.field("n_pmt", Fmt.prompt(nPmt, shots: shots))
        block.field("n_ctx", Fmt.limit(scenario.nCtx))
        for note in notes { block.note(Wrapping.wrap(note, width: width.map { $0 - 6 }, indent: Wrapping.noteIndent)) }
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
        block.line("score \(style.bold(Fmt.score(p.score))): \(p.scenario.task.name) on \(Fmt.setting(p.scenario))")
        for sentence in sentences { block.line("  " + sentence) }
        for note in p.notes { block.note(Wrapping.wrap(note, width: width.map { $0 - 6 }, indent: Wrapping.noteIndent)) }
        return block.text
    }
}
