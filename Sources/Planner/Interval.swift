import ContextScaling
import Foundation

/// What an interval covers: the law's parameters only (`confidence`: where the curve lies), or
/// also the scatter of a new model's score around the law (`prediction`: where a new model's
/// score lies). Their raw values are the JSON `kind`.
public enum IntervalKind: String, Sendable, CaseIterable {
    case prediction, confidence
}

/// A percentile interval of one answer over the outcomes a task's uncertainty allows.
public struct Interval: Sendable, Equatable {
    public var level: Double
    /// nil when no outcome answers the question.
    public var low: Double?
    public var high: Double?
    /// Outcomes for which the question has no answer (unreachable under that draw).
    public var unanswered: Int
    /// Outcomes with an answer.
    public var answered: Int
    public var kind: IntervalKind
}

extension Planner {
    /// A percentile interval of one answer under each outcome (nil where an outcome has no
    /// answer); nil when there are none. `logScale` interpolates between order statistics in
    /// logarithms, for answers (FLOPs) that span orders of magnitude.
    ///
    /// With `point`, the answer printed beside it, the interval reaches at least to the point:
    /// the draws are centred on the point's law (`DrawCentring`), so this changes an end only
    /// where a derived answer's distribution is skewed past the point or its level is small.
    static func interval(
        level: Double, values: [Double?], kind: IntervalKind = .confidence, logScale: Bool = false,
        containing point: Double? = nil
    ) -> Interval? {
        guard !values.isEmpty else { return nil }
        let answered = values.compactMap { $0 }
        guard !answered.isEmpty else {
            return Interval(level: level, low: nil, high: nil, unanswered: values.count, answered: 0, kind: kind)
        }
        let tail = (1 - level / 100) / 2
        func quantile(_ q: Double) -> Double {
            guard logScale else { return DrawStatistics.quantile(answered, q) }
            return exp(DrawStatistics.quantile(answered.map { log($0) }, q))
        }
        var (low, high) = (quantile(tail), quantile(1 - tail))
        if let point, point.isFinite {
            (low, high) = (min(low, point), max(high, point))
        }
        return Interval(
            level: level, low: low, high: high, unanswered: values.count - answered.count,
            answered: answered.count, kind: kind)
    }
}
