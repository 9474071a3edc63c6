extension LawParameter {
    /// The chance floor: the score of guessing on a multiple-choice metric (0.25 with four
    /// options, 0 for an open completion). Given by the user or the task preset and then held
    /// fixed by a fit; fitted within [1e-4, 0.95] when neither gives it.
    public static let floor = LawParameter(
        name: "floor", lower: 0, upper: 0.95, searchLower: 1e-4, scale: .linear, unit: "a chance score",
        includesLower: true)
}

/// floor + (1 - floor) x Eq. (1) with the paper's penalty: a metric that a model guessing
/// already scores at the floor, such as multiple-choice accuracy.
public struct FloorForm: EquationOneForm {
    public init() {}
    public var name: String { "floor" }
    public var formula: String { "floor + (1 - floor) x Eq. (1)" }
    public var parameters: [LawParameter] { LawParameter.shared + [.floor] }
    public var penalisesLongPrompts: Bool { true }

    public func logPenalty(_ values: [Double], promptTokens: Double, contextLimit: Double, nativeLimit: Double?)
        -> Double
    {
        EquationOne.logPaperPenalty(promptTokens: promptTokens, contextLimit: contextLimit)
    }

    public func floor(_ values: [Double]) -> Double { values[6] }
}
