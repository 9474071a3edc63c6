import Planner

extension FitWarning: NoteRendering {
    var text: String {
        switch self {
        case .ridge:
            return "A and Cc enter the law only as A Cc^-alpha, and B and nc only as B nc^-beta: "
                + "of each ridge of equal fits the point printed has Cc and nc at the data's middle "
                + "compute and prompt length (geometric means), so A and B are the terms' arguments there, "
                + "or where that would put A or B past its bound, the pair with that one at its bound"
        case .oneComputeLevel:
            return "one compute level: A, Cc and alpha cannot be determined (only the compute factor at that level is)"
        case .twoComputeLevels:
            return "two compute levels: A, Cc and alpha trade off; "
                + "only A (C/Cc)^alpha at these levels is well determined"
        case .fewPromptLengths: return "fewer than three prompt lengths: B, nc and beta cannot be determined"
        case .oneContextLimit: return "one context limit: the penalty's position is not tested by the data"
        case .penaltyUntested: return "no prompt exceeds its limit: the data says nothing about the penalty"
        case .promptDrop(let d):
            let others = d.groups > 1 ? " (and \(d.groups - 1) more)" : ""
            return "the score falls as the prompt grows while it still fits: \(d.group.label)\(others) scores "
                + String(format: "%.3f", d.drop) + " less at \(Fmt.tokens(d.longerTokens)) than at "
                + "\(Fmt.tokens(d.shorterTokens))"
                + (d.standardErrors.map { String(format: " (%.1f standard errors of the group means)", $0) } ?? "")
                + "; the law rises with the prompt until the limit and cannot show "
                + "this, so the residuals, and the prediction intervals, carry it"
        case .contextTermsConfoundCompute:
            return "the decay law has terms in n_ctx: where every larger model is also a longer-context one, "
                + "they confound the compute term, and a compute extrapolation inherits their error"
        case .noExtendedModels:
            return "no record is of an extended model (one a 'model' column names, past its base's limit): "
                + "the decay rate g is not determined"
        case .fewSizes(let count):
            return "only \(count) independent model sizes or compute levels behind this fit: an extrapolation "
                + "to a larger model rests on few points"
        case .onBound(let parameters):
            let ends = [BoundParameter.End.lower, .upper].compactMap { end -> String? in
                let at = parameters.filter { $0.end == end }
                guard !at.isEmpty else { return nil }
                let values = at.map { "\($0.name) = " + Quantities.trimmed(String(format: "%.3g", $0.value)) }
                return values.joined(separator: ", ") + " at the \(end == .lower ? "lower" : "upper") end of the search"
            }
            let one = parameters.count == 1
            return ends.joined(separator: "; ") + ": the data would take " + (one ? "it" : "them")
                + " further, so " + (one ? "the value is" : "the values are") + " where the search stopped, "
                + "not an estimate; an answer that leans on " + (one ? "it" : "them") + " is less sure than its interval says"
        }
    }
}
