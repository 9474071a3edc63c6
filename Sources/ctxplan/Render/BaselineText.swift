import Planner

extension BaselineGap {
    /// The gap to the given model's compute; text (where `shown`) "baseline    7.7715e22 FLOPs
    /// Llama-2-7B" and "additional  9.33e22 FLOPs  (+120%): 2.4T more tokens at N = 6.48B", or
    /// that the model has enough already.
    func fields(shown: Bool) -> [Field] {
        let additional =
            additionalFlops > 0
            ? Fmt.flops(additionalFlops) + "  (+" + Fmt.percent(additionalFraction) + "): "
                + Fmt.number(additionalTokens) + " more training tokens at N = " + Fmt.number(parameters)
            : "none: \(model) has \(Fmt.factor(surplus)) the compute needed"
        return [
            Field(
                "baseline_model", .string(model),
                text: shown ? .field("baseline", StyledText(Fmt.flops(flops) + "  " + model)) : .none, textRank: 2),
            Field("baseline_compute", .flops(flops), column: Column("baseline")),
            Field(
                "additional_compute", .flops(additionalFlops),
                text: shown ? .field("additional", StyledText(additional)) : .none, column: Column("additional"),
                textRank: 2),
            Field("additional_percent", .count(100 * additionalFraction), column: Column("+%")),
            Field("additional_tokens", .count(additionalTokens)),
        ]
    }
}
