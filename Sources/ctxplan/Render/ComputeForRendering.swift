import ContextScaling
import Foundation
import Planner

extension ComputeForAnswer: Rendering {
    var json: JSON {
        var pairs: [(String, JSON)] = [
            ("task", .string(task.name)),
            ("target", .num(target)),
            ("reachable", .bool(reachable)),
            ("outcome", .string(notReachableAtConfidence ? "not_reachable_at_confidence" : Self.outcome(solution))),
            ("compute", .num(flops)),
            ("ceiling", .num(ceiling)),
            ("n_pmt", .num(nPmt)),
            ("shots", shots.map(JSON.integer) ?? .null),
            ("n_ctx", .num(nCtx)),
        ]
        switch modelSize {
        case .parameters(let n, let d)?: pairs += [("params", .num(n)), ("tokens", .num(d))]
        case .tokens(let d, let n)?: pairs += [("params", .num(n)), ("tokens", .num(d))]
        case nil: break
        }
        if let split = computeOptimal { pairs.append(("compute_optimal", JSONFormat.json(split.report))) }
        if let split = lawSplit { pairs.append(("law_split", JSONFormat.json(split.report))) }
        if let nearest {
            let model = JSON.object([("name", .string(nearest.name)), ("multiple", .num(nearest.multiple))])
            pairs.append(("nearest_model", model))
        }
        if let baseline {
            pairs += [
                ("baseline_model", .string(baseline.model)), ("baseline_compute", .num(baseline.flops)),
                ("additional_compute", .num(baseline.additionalFlops)),
                ("additional_percent", .num(100 * baseline.additionalFraction)),
                ("additional_tokens", .num(baseline.additionalTokens)),
            ]
        }
        if case .beyondAnyCompute = solution { pairs.append(("beyond_any_compute", .bool(true))) }
        pairs.append(
            (
                "lifts",
                .array(
                    lifts.map {
                        .object([("change", .string($0.text)), ("ceiling", .num($0.ceiling))])
                    })
            ))
        pairs.append(("alternative", alternative?.json ?? .null))
        if let budget { pairs.append(("budget", budget.json)) }
        pairs.append(("interval", interval.map(IntervalOptions.json) ?? .null))
        if let confidence {
            pairs += [("confidence", .num(confidence)), ("reach_probability", .num(reachProbability))]
        }
        pairs.append(("notes", .notes(notes)))
        return .object(pairs)
    }

    /// A share as a percentage to one decimal: "90%", "62.5%".
    static func percent(_ share: Double) -> String { Quantities.trimmed(String(format: "%.1f", share * 100)) + "%" }

    /// The solver's outcome as a stable JSON token.
    static func outcome(_ solution: ComputeSolution) -> String {
        switch solution {
        case .reached: return "reached"
        case .reachedAtAnyCompute: return "reached_at_any_compute"
        case .unreachable: return "unreachable"
        case .beyondAnyCompute: return "beyond_any_compute"
        }
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        let at = "\(task.name), \(Fmt.prompt(nPmt, shots: shots)) at \(Fmt.limit(nCtx))"
        let ceilingLine = Fmt.score(ceiling) + "  (the score with unlimited compute here)"
        if notReachableAtConfidence, let confidence, let share = reachProbability {
            block.line(
                style.bad("not reachable at \(Self.percent(confidence)) confidence") + ": only "
                    + "\(Self.percent(share)) of the outcomes reach \(Fmt.score(target)) at any compute on \(at)")
            if let interval { block.field("interval", IntervalOptions.text(interval) { Quantities.formatScientific($0, digits: 2) }) }
            block.field("ceiling", ceilingLine)
            for note in notes { block.note(note, width: width) }
            return block.text
        }
        switch solution {
        case .reached(let c):
            let range = interval.map { " " + IntervalOptions.text($0) { Quantities.formatScientific($0, digits: 2) } }
            block.field("compute", style.bold(Fmt.flops(c)) + (range ?? "") + "  for \(Fmt.score(target)) on \(at)")
            if let confidence {
                block.field("confidence", Self.percent(confidence) + " chance that the score reaches " + Fmt.score(target))
            }
            if let baseline { baseline.fields(into: &block) }
            if let nearest { block.field("nearest", Fmt.factor(nearest.multiple) + " " + nearest.name) }
            switch modelSize {
            case .parameters(let n, let d)?:
                block.field("model size", "N = \(Fmt.number(n)) parameters at D = \(Fmt.number(d)) tokens")
            case .tokens(let d, let n)?:
                block.field("tokens", "D = \(Fmt.number(d)) tokens at N = \(Fmt.number(n)) parameters")
            case nil: break
            }
            if let computeOptimal { block.field("optimal", computeOptimal.text) }
            if let lawSplit { block.field("law's split", lawSplit.text) }
            block.field("ceiling", ceilingLine)
            if let budget { TextFormat.write(budget.nested, into: &block, width: width) }
            if let alternative, let baseline {
                block.line(alternative.computeForLine(baseline: baseline, style: style))
            }
        case .reachedAtAnyCompute:
            block.field(
                "compute",
                style.bold("any")
                    + "  reaches \(Fmt.score(target)) on \(at): already at 1 FLOP, so compute does not bind")
            block.field("ceiling", ceilingLine)
        case .unreachable(let ceiling):
            block.line(
                style.bad("not reachable")
                    + ": \(Fmt.score(target)) is at or above the ceiling \(Fmt.score(ceiling)) on \(at)")
            for lift in lifts { block.field("  " + lift.text, "ceiling " + Fmt.score(lift.ceiling)) }
        case .beyondAnyCompute:
            block.line(style.bad("not reachable within 1e300 FLOPs") + ": \(Fmt.score(target)) on \(at)")
            for lift in lifts { block.field("  " + lift.text, "ceiling " + Fmt.score(lift.ceiling)) }
        }
        for note in notes { block.note(note, width: width) }
        return block.text
    }
}

extension CeilingLift {
    /// The change in words: "52 shots (4,017 tokens) at 4k", "an 8k limit with this prompt".
    var text: String {
        switch change {
        case .shots(let shots, let tokens, let limit):
            return "\(Words.count(shots, "shot")) (\(Fmt.tokens(tokens))) at \(Fmt.limit(limit))"
        case .longerLimit(let limit):
            let shown = Fmt.limit(limit)
            return "\(Words.article(before: shown)) \(shown) limit with this prompt"
        case .nothingReaches(let target):
            return "nothing within this law: its ceiling is below \(Fmt.score(target)) at every prompt and limit tried"
        }
    }
}
