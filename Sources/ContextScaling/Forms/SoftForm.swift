extension LawParameter {
    /// The soft penalty's sharpness: Table 3 has no bound for it; a fit searches 0.1 to 1000 on
    /// log10, and a preset is accepted within (0, 1000].
    public static let sharpness = LawParameter(
        name: "s", lower: 0, upper: 1000, searchLower: 0.1, scale: .log10, unit: "a sharpness")
}

extension LawFormDefinition {
    /// sigma(s ln(n_ctx / n_pmt)) with a fitted sharpness s (`Penalty.soft`).
    public static let soft = LawFormDefinition(extraParameters: [.sharpness], penalisesLongPrompts: true) {
        .soft(sharpness: $0[0])
    }
}
