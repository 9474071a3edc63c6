import ContextScaling

/// A percentile interval over bootstrap draws.
public struct Interval: Sendable, Equatable {
    public var level: Double
    /// nil when no draw answers the question.
    public var low: Double?
    public var high: Double?
    /// Draws for which the question has no answer (unreachable under that draw).
    public var unanswered: Int
}

extension Planner {
    /// A percentile interval of one answer under each bootstrap draw (nil where a draw has no
    /// answer); nil when there are no draws.
    static func interval(level: Double, values: [Double?]) -> Interval? {
        guard !values.isEmpty else { return nil }
        let answered = values.compactMap { $0 }
        guard !answered.isEmpty else { return Interval(level: level, low: nil, high: nil, unanswered: values.count) }
        let tail = (1 - level / 100) / 2
        return Interval(
            level: level, low: DrawStatistics.quantile(answered, tail),
            high: DrawStatistics.quantile(answered, 1 - tail),
            unanswered: values.count - answered.count)
    }
}
