import Planner

extension PlanningNote: NoteRendering {
    /// What the text output prints after "note: ".
    var text: String {
        switch self {
        case .erratumTable1(let printed, let sixND):
            return "the paper prints \(Quantities.formatScientific(printed)) FLOPs; 6ND gives "
                + "\(Quantities.formatScientific(sixND)), used here (erratum in Table 1)"
        case .derivedParameters(let model, let parameters):
            return "N is not given for \(model): derived from the paper's compute as C/6D = \(Fmt.number(parameters))"
        case .extended(let steps, let batch, let limit, let tokens, let base):
            return "extension: \(Fmt.number(steps)) steps x batch \(Fmt.number(batch)) x \(Fmt.limit(limit)) = "
                + "\(Fmt.number(tokens)) tokens on top of \(base)"
        case .extrapolation(let e):
            let past = e.side == .above ? "the largest" : "below the smallest"
            return "\(e.describe(e.value)) is \(Fmt.factor(e.factor)) \(past) \(e.quantity.rawValue) the fit saw, "
                + e.describe(e.bound)
        case .bestAtSearchEnd:
            return "the best lies at the end of the search (prompts up to twice the limit): "
                + "under this law more shots keep helping"
        case .attentionShare(let share):
            let ratio = String(format: "%.1fx", share.ratio)
            let counting = share.counting.attribution
            if share.counted { return "GPU time counts attention (\(counting)): \(ratio) the 6ND extension FLOPs" }
            let flag = share.counting == .causal ? "--attention" : "--attention full"
            guard let limit = share.limit else {
                return "counting attention (\(counting)), the extension takes \(ratio) the 6ND FLOPs; "
                    + "\(flag) budgets on that count"
            }
            return "counting attention (\(counting)), the extension to \(Fmt.limit(limit)) takes \(ratio) the 6ND "
                + "FLOPs; \(flag) uses that count"
        case .mfuConvention(let counting):
            switch counting {
            case .causal:
                return "--attention causal counts what causal kernels do (FlashAttention, Megatron): use an MFU "
                    + "measured on that count; a published MFU (PaLM, nanoGPT, torchtitan) counts the full matrix "
                    + "and goes with --attention full"
            case .full:
                return "--attention full counts the whole attention matrix, as published MFU figures do (PaLM, "
                    + "nanoGPT, torchtitan): use an MFU measured on that count, not one from a causal count"
            }
        case .headroom(let ruler):
            let figures = ruler.map {
                " (RULER, Table 2: \($0.model) \(Fmt.score($0.atLimit)) at \(Fmt.limit($0.limit)) against "
                    + "\(Fmt.score($0.at4k)) at 4k)"
            }
            return "the paper's extended models scored worse near their new limit\(figures ?? ""); "
                + "keep headroom for the answer's tokens with --reserve"
        case .noCandidateReachesTarget(let target, let bestLimit, let bestScore):
            let best = bestLimit.flatMap { limit in
                bestScore.map { "; the best is \(Fmt.limit(limit)) at \(Fmt.score($0))" }
            }
            return "no candidate reaches \(Fmt.score(target))" + (best ?? "")
        case .noCandidateFits(let withReserve):
            return "no candidate limit fits the prompt" + (withReserve ? " and the reserve" : "")
        case .costFromBase(let named, let namedLimit, let base, let baseLimit):
            return "\(named) is \(base) already extended to \(Fmt.limit(namedLimit)): this is the cost of "
                + "extending \(base) from its own \(Fmt.limit(baseLimit))"
        }
    }
}

extension Extrapolation {
    /// The value as the note names it: "1.5e23 FLOPs", "1 prompt token", "an 8k limit".
    func describe(_ value: Double) -> String {
        switch quantity {
        case .compute: return Quantities.formatScientific(value, digits: 2) + " FLOPs"
        case .prompt: return Words.count(value, Quantities.formatTokens(value), "prompt token")
        case .limit:
            let limit = Fmt.limit(value)
            return Words.article(before: limit) + " " + limit + " limit"
        }
    }
}
