/// The interval an answer is asked to carry: its level, in percent, and what it covers.
public struct IntervalRequest: Sendable, Equatable {
    public var level: Double
    public var kind: IntervalKind

    /// An 80% prediction interval: what every answer carries unless asked otherwise.
    public init(level: Double = 80, kind: IntervalKind = .prediction) {
        self.level = level
        self.kind = kind
    }
}

/// Where the preset's own answer lies outside the interval of a refit to the data: the
/// paper's Table 4 parameters against a refit to its Tables 8-10, for a bundled task.
public struct RefitDisagreement: Sendable, Equatable {
    public enum Quantity: Sendable, Equatable { case score, compute }
    public var quantity: Quantity
    /// The preset's answer, and the refit's confidence interval at `level`.
    public var value: Double
    public var low: Double
    public var high: Double
    public var level: Double
    /// Whether the preset's parameters are the paper's (Table 4).
    public var paperParameters: Bool
}
