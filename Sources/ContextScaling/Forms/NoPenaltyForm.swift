extension LawFormDefinition {
    /// The ablation of the paper's Table 7: no penalty at all.
    public static let noPenalty = LawFormDefinition(extraParameters: [], penalisesLongPrompts: false) { _ in .none }
}
