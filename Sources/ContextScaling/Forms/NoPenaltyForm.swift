/// The ablation of the paper's Table 7: no penalty at all.
public struct NoPenaltyForm: EquationOneForm {
    public init() {}
    public var name: String { "no-penalty" }
    public var formula: String { "[1 - e^(-A (C/Cc)^alpha)] [1 - e^(-B (n_pmt/nc)^beta)]" }
    public var parameters: [LawParameter] { LawParameter.shared }
    public var penalisesLongPrompts: Bool { false }

    public func logPenalty(_ values: [Double], promptTokens: Double, contextLimit: Double, nativeLimit: Double?)
        -> Double
    { 0 }
}
