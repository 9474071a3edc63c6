import Planner

extension BaselineGap {
    /// "baseline    7.7715e22 FLOPs  Llama-2-7B" and "additional  9.33e22 FLOPs  (+120%): 2.4T
    /// more tokens at N = 6.48B", or that the model has enough already.
    func fields(into block: inout TextBlock) {
        block.field("baseline", Fmt.flops(flops) + "  " + model)
        guard additionalFlops > 0 else {
            block.field("additional", "none: \(model) has \(Fmt.factor(surplus)) the compute needed")
            return
        }
        block.field(
            "additional",
            Fmt.flops(additionalFlops) + "  (+" + Fmt.percent(additionalFraction) + "): "
                + Fmt.number(additionalTokens) + " more training tokens at N = " + Fmt.number(parameters))
    }
}
