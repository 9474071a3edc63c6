extension LawFormDefinition {
    /// Eq. (1) as the paper fits it: the sharp sigmoid in tokens, no parameter of its own.
    public static let paper = LawFormDefinition(extraParameters: [], penalisesLongPrompts: true) { _ in .paper }
}
