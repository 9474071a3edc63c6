import Planner

/// The words for the Planner's typed labels: fit residual groups, plot titles and curves.
extension FitGroup {
    /// A residual table's row name, and the key of the JSON `by_model` and `by_prompt` objects.
    var label: String {
        switch self {
        case .model(let name): return name
        case .compute(let flops): return Quantities.formatScientific(flops, digits: 3)
        case .shots(let shots): return "\(shots) shot\(shots == 1 ? "" : "s")"
        case .promptTokens(let tokens): return Quantities.formatTokens(tokens)
        case .promptRange(let low, let high):
            return Quantities.formatTokens(low.rounded()) + ".." + Quantities.formatTokens(high.rounded())
        }
    }
}

extension PlotTitle {
    var text: String {
        switch self {
        case .scoreAgainstPrompt(let task, let metric): return "\(task): predicted \(metric) against prompt length"
        case .heatmap(let task, let metric, let nCtx):
            return "\(task): predicted \(metric), n_ctx = \(Quantities.formatContext(nCtx))"
        case .given(let title): return title
        }
    }
}

extension CurveLabel {
    /// The curve's legend entry: a compute the user asked for at two figures, one an answer
    /// found at three.
    var text: String {
        switch self {
        case .model(let name): return name
        case .extendedModel(let base, let nCtx): return Fmt.extended(base, to: nCtx)
        case .computeLevel(let flops, let nCtx):
            return "\(Quantities.formatScientific(flops, digits: 2)) FLOPs at \(Quantities.formatContext(nCtx))"
        case .answerCompute(let flops, let nCtx):
            return "\(Quantities.formatScientific(flops, digits: 3)) FLOPs at \(Quantities.formatContext(nCtx))"
        case .recommendedLimit(let nCtx): return "recommended \(Quantities.formatContext(nCtx)) limit"
        }
    }
}
