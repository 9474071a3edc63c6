/// The ablation of the paper's Table 7: no penalty at all.
public struct NoPenaltyForm: LawForm {
    public init() {}
    public var name: String { "no-penalty" }
    public var formula: String { "[1 - e^(-A (C/Cc)^alpha)] [1 - e^(-B (n_pmt/nc)^beta)]" }
    public var parameters: [LawParameter] { LawParameter.shared }
    public var penalisesLongPrompts: Bool { false }
    public var scaleTradeOffs: [ScaleTradeOff] { EquationOne.scaleTradeOffs }

    public func logComputeFactor(_ values: [Double], at point: ComputePoint) -> Double {
        EquationOne.logComputeFactor(values, logFlops: point.logFlops)
    }

    public func logContextFactor(_ values: [Double], logPromptTokens: Double) -> Double {
        EquationOne.logContextFactor(values, logPromptTokens: logPromptTokens)
    }

    public func logPenalty(_ values: [Double], promptTokens: Double, contextLimit: Double, nativeLimit: Double?)
        -> Double
    { 0 }

    public func computeFactors(_ values: [Double], at points: [ComputePoint], into out: inout [Double]) {
        EquationOne.computeFactors(values, at: points, into: &out)
    }

    public func contextFactors(_ values: [Double], logPromptTokens: [Double], into out: inout [Double]) {
        EquationOne.contextFactors(B: values[3], nc: values[4], beta: values[5], logPromptTokens: logPromptTokens, into: &out)
    }
}
