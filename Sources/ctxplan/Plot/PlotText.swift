import Planner

extension PlotData.Mark {
    /// The mark's legend entry.
    var label: String {
        switch kind {
        case .target(let score, let flops):
            return "compute-for: \(Quantities.formatScore(score)) at "
                + "\(Quantities.formatScientific(flops, digits: 3)) FLOPs"
        case .knee(let tokens): return "knee, \(Quantities.formatTokens(tokens)) tokens"
        case .best(let tokens): return "best, \(Quantities.formatTokens(tokens)) tokens"
        case .prompt(let nCtx): return "your prompt at \(Quantities.formatContext(nCtx))"
        }
    }
}
