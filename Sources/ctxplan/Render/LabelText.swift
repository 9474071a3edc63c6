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
        }
    }
}
