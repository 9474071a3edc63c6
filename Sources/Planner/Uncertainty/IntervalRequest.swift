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
