import ContextScaling
import Foundation
import Planner

extension ComputeForAnswer: Reporting {
    /// Text by outcome: reached (the compute, then what it means), reached at any compute, not
    /// reachable (the ceiling and what would lift it), not reachable at the confidence asked.
    var report: Report {
        let at = "\(task.name), \(Fmt.prompt(nPmt, shots: shots)) at \(Fmt.limit(nCtx))"
        let ceilingText = StyledText(Fmt.score(ceiling) + "  (the score with unlimited compute here)")
        let atConfidence = notReachableAtConfidence ? confidence.flatMap { c in reachProbability.map { (c, $0) } } : nil
        var reached = false
        var ceilingShown = true
        var liftsShown = false
        var head: [Field] = []
        let compute: TextForm
        var computeCell: String
        switch solution {
        case _ where atConfidence != nil:
            let (confidence, share) = atConfidence ?? (0, 0)
            head.append(
                .line(
                    .bad("not reachable at \(Self.percent(confidence)) confidence") + ": only "
                        + "\(Self.percent(share)) of the outcomes reach \(Fmt.score(target)) at any compute on \(at)"))
            compute =
                interval.map { .field("interval", StyledText(IntervalOptions.text($0, Self.twoFigures))) } ?? .none
            computeCell = "not reachable"
        case .reached(let c):
            reached = true
            let range = interval.map { " " + IntervalOptions.text($0, Self.twoFigures) } ?? ""
            compute = .field("compute", .bold(Fmt.flops(c)) + range + "  for \(Fmt.score(target)) on \(at)")
            computeCell = Quantities.formatScientific(c)
        case .reachedAtAnyCompute:
            compute = .field(
                "compute",
                .bold("any") + "  reaches \(Fmt.score(target)) on \(at): already at 1 FLOP, so compute does not bind")
            computeCell = "any"
        case .unreachable(let ceiling):
            head.append(
                .line(
                    .bad("not reachable")
                        + ": \(Fmt.score(target)) is at or above the ceiling \(Fmt.score(ceiling)) on \(at)"))
            compute = .none
            computeCell = "not reachable"
            (ceilingShown, liftsShown) = (false, true)
        case .beyondAnyCompute:
            head.append(.line(.bad("not reachable within 1e300 FLOPs") + ": \(Fmt.score(target)) on \(at)"))
            compute = .none
            computeCell = "not reachable"
            (ceilingShown, liftsShown) = (false, true)
        }
        if notReachableAtConfidence { computeCell = "not reachable" }
        func shown(_ form: TextForm) -> TextForm { reached ? form : .none }
        var report =
            Report(head) + [
                Field("task", .string(task.name)),
                Field("target", .score(target)),
                Field("reachable", .bool(reachable), column: Column("reached")),
                Field(
                    "outcome",
                    .string(notReachableAtConfidence ? "not_reachable_at_confidence" : Self.outcome(solution))),
                Field(
                    "compute", .flops(flops), text: compute,
                    column: Column("compute", text: computeCell, interval: interval)),
                Field(
                    "ceiling", .score(ceiling), text: ceilingShown ? .field("ceiling", ceilingText) : .none,
                    column: Column("ceiling"), textRank: 5),
                Field("n_pmt", .tokens(nPmt), column: Column("n_pmt")),
                Field("shots", .integer(shots)),
                Field("n_ctx", .limit(nCtx), column: Column("n_ctx")),
            ]
        switch modelSize {
        case .parameters(let n, let d)?:
            report += [
                Field(
                    "params", .count(n),
                    text: shown(.field("model size", "N = \(Fmt.number(n)) parameters at D = \(Fmt.number(d)) tokens")),
                    column: Column("N"), textRank: 4),
                Field("tokens", .count(d), column: Column("D")),
            ]
        case .tokens(let d, let n)?:
            report += [
                Field("params", .count(n), column: Column("N")),
                Field(
                    "tokens", .count(d),
                    text: shown(.field("tokens", "D = \(Fmt.number(d)) tokens at N = \(Fmt.number(n)) parameters")),
                    column: Column("D"), textRank: 4),
            ]
        case nil: break
        }
        if let split = computeOptimal {
            report += Field(
                "compute_optimal", .report(split.report), text: shown(.field("optimal", StyledText(split.text))),
                textRank: 4)
        }
        if let split = lawSplit {
            report += Field(
                "law_split", .report(split.report), text: shown(.field("law's split", StyledText(split.text))),
                textRank: 4)
        }
        if let nearest {
            report += Field(
                "nearest_model",
                .report(Report([Field("name", .string(nearest.name)), Field("multiple", .count(nearest.multiple))])),
                text: shown(.field("nearest", StyledText(Fmt.factor(nearest.multiple) + " " + nearest.name))),
                textRank: 3)
        }
        if let baseline { report += baseline.fields(shown: reached) }
        if case .beyondAnyCompute = solution { report += Field("beyond_any_compute", .bool(true)) }
        report += [
            Field("lifts", .reports(lifts.map(\.report)), text: liftsShown ? .inPlace : .none),
            Field(
                "alternative", alternative.map { .report($0.report) } ?? .null,
                text: baseline.flatMap { b in alternative.map { shown(.line($0.computeForLine(baseline: b))) } }
                    ?? .none,
                textRank: 7),
        ]
        if let budget { report += Field("budget", .report(budget.nested), text: shown(.inPlace), textRank: 6) }
        report += Field("interval", .interval(interval))
        if let confidence {
            report += [
                Field(
                    "confidence", .count(confidence),
                    text: shown(
                        .field(
                            "confidence",
                            StyledText(Self.percent(confidence) + " chance that the score reaches " + Fmt.score(target))
                        )),
                    textRank: 1),
                Field("reach_probability", .count(reachProbability)),
            ]
        }
        return report + [.notes(notes, rank: 8)]
    }

    private static func twoFigures(_ flops: Double) -> String { Quantities.formatScientific(flops, digits: 2) }

    /// A share as a percentage to one decimal: "90%", "62.5%" (never a rounded 100%).
    static func percent(_ share: Double) -> String { Fmt.level(share * 100) }

    /// The solver's outcome as a stable JSON token.
    static func outcome(_ solution: ComputeSolution) -> String {
        switch solution {
        case .reached: return "reached"
        case .reachedAtAnyCompute: return "reached_at_any_compute"
        case .unreachable: return "unreachable"
        case .beyondAnyCompute: return "beyond_any_compute"
        }
    }
}

extension CeilingLift {
    /// A change that would lift the ceiling: text "  52 shots (4,017 tokens) at 4k   ceiling 0.2".
    var report: Report {
        Report([
            Field("change", .string(text)),
            Field("ceiling", .score(ceiling), text: .field("  " + text, StyledText("ceiling " + Fmt.score(ceiling)))),
        ])
    }

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
