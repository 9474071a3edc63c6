/// Eq. (1) as the paper fits it: the sharp sigmoid in tokens, no parameter of its own.
public struct PaperForm: EquationOneForm {
    public init() {}
    public var name: String { "paper" }
    public var formula: String { "[1 - e^(-A (C/Cc)^alpha)] [1 - e^(-B (n_pmt/nc)^beta)] sigma(n_ctx - n_pmt)" }
    public var parameters: [LawParameter] { LawParameter.shared }
    public var penalisesLongPrompts: Bool { true }

    public func logPenalty(_ values: [Double], promptTokens: Double, contextLimit: Double, nativeLimit: Double?)
        -> Double
    {
        EquationOne.logPaperPenalty(promptTokens: promptTokens, contextLimit: contextLimit)
    }
}
