extension LawParameter {
    /// The chance floor: the score of guessing on a multiple-choice metric (0.25 with four
    /// options). Given by the user or the task preset and then held fixed by a fit; fitted
    /// within (0, 0.95] when neither gives it.
    public static let floor = LawParameter(
        name: "floor", lower: 0, upper: 0.95, searchLower: 1e-4, scale: .linear, unit: "a chance score")
}

extension LawFormDefinition {
    /// floor + (1 - floor) x Eq. (1) with the paper's penalty (`Penalty.chanceFloor`): a metric
    /// that a model guessing already scores at the floor, such as multiple-choice accuracy.
    public static let floor = LawFormDefinition(extraParameters: [.floor], penalisesLongPrompts: true) {
        .chanceFloor(floor: $0[0])
    }
}
