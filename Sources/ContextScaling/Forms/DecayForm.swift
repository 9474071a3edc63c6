extension LawParameter {
    /// The decay form's offset c, in natural-log units of n_ctx / n_pmt: the cut sits at
    /// n_pmt = n_ctx e^c (past the limit for c > 0, where a truncated prompt still scores).
    /// Searched from just above its lower bound, so that a fit's value is a preset's valid one.
    public static let offset = LawParameter(
        name: "c", lower: -3, upper: 3, searchLower: -2.99, scale: .linear, unit: "a log-ratio offset")
    /// The decay form's rate g: an extended model keeps exp(-g) of its score per doubling of
    /// its limit past the base model's. Negative when extension helps.
    public static let decayRate = LawParameter(
        name: "g", lower: -1, upper: 1, searchLower: -0.99, scale: .linear, unit: "a decay per doubling")
}

extension LawFormDefinition {
    /// The soft penalty with an offset cut, sigma(s (ln(n_ctx / n_pmt) + c)), and a factor
    /// exp(-g log2(n_ctx / n_ctx of the base model)) for extended models (`Penalty.decay`).
    public static let decay = LawFormDefinition(
        extraParameters: [.sharpness, .offset, .decayRate], penalisesLongPrompts: true
    ) { .decay(sharpness: $0[0], offset: $0[1], rate: $0[2]) }
}
