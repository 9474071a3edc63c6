/// What an answer's number measures. `_` carries it from one answer to the next, so that a
/// score is never read as FLOPs: a number may stand for `_` only where its measure goes.
public enum Measure: String, Sendable, CaseIterable {
    /// Training compute in FLOPs.
    case flops
    /// A predicted or target score, in [0, 1].
    case score
    /// A prompt length or a context limit, in tokens.
    case contextTokens
    /// A number of few-shot demonstrations.
    case shots
    /// GPU time in GPU-hours.
    case gpuHours
}

/// A number with what it measures: an answer's main quantity, which `_` stands for.
public struct Measured: Sendable, Equatable {
    public var value: Double
    public var measure: Measure

    public init(_ value: Double, _ measure: Measure) {
        self.value = value
        self.measure = measure
    }
}
