/// How a few-shot prompt's length grows with its demonstrations:
/// n_pmt(shots) = baseTokens + shots x shotTokens (the paper's Appendix A averages per task).
public struct PromptLayout: Sendable, Equatable, Hashable, Codable {
    /// Average tokens of the test instance itself (the prompt with zero shots).
    public var baseTokens: Double
    /// Average tokens of one demonstration.
    public var shotTokens: Double

    public init(baseTokens: Double, shotTokens: Double) {
        self.baseTokens = baseTokens
        self.shotTokens = shotTokens
    }

    @inlinable
    public func promptTokens(shots: Int) -> Double {
        baseTokens + Double(shots) * shotTokens
    }

    /// The largest shot count whose prompt is at most `tokens` long, or nil if even zero shots
    /// are longer.
    public func maxShots(fittingIn tokens: Double) -> Int? {
        guard tokens >= baseTokens else { return nil }
        // A small tolerance keeps 78.17 + 2 x 75.74 <= 229.65 from losing a shot to rounding.
        // Capped far beyond any prompt, so that the conversion to Int cannot trap.
        var shots = Int(min(((tokens - baseTokens) / shotTokens + 1e-9).rounded(.down), 1e15))
        while shots > 0 && promptTokens(shots: shots) > tokens * (1 + 1e-12) { shots -= 1 }
        return shots
    }
}
