/// Eq. (1) as the paper fits it: the sharp sigmoid in tokens, no parameter of its own.
public struct PaperForm: LawForm {
    public init() {}
    public var name: String { "paper" }
    public var formula: String { "[1 - e^(-A (C/Cc)^alpha)] [1 - e^(-B (n_pmt/nc)^beta)] sigma(n_ctx - n_pmt)" }
    public var parameters: [LawParameter] { LawParameter.shared }
    public var penalisesLongPrompts: Bool { true }
    public var scaleTradeOffs: [ScaleTradeOff] { EquationOne.scaleTradeOffs }

    public func logComputeFactor(_ values: [Double], at point: ComputePoint) -> Double {
        EquationOne.logComputeFactor(values, logFlops: point.logFlops)
    }

    public func logContextFactor(_ values: [Double], logPromptTokens: Double) -> Double {
        EquationOne.logContextFactor(values, logPromptTokens: logPromptTokens)
    }

    public func logPenalty(_ values: [Double], promptTokens: Double, contextLimit: Double, nativeLimit: Double?)
        -> Double
    {
        EquationOne.logPaperPenalty(promptTokens: promptTokens, contextLimit: contextLimit)
    }

    public func computeFactors(_ values: [Double], at points: [ComputePoint], into out: inout [Double]) {
        EquationOne.computeFactors(values, at: points, into: &out)
    }

    public func contextFactors(_ values: [Double], logPromptTokens: [Double], into out: inout [Double]) {
        EquationOne.contextFactors(B: values[3], nc: values[4], beta: values[5], logPromptTokens: logPromptTokens, into: &out)
    }
}
