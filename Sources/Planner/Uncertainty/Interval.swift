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
    /// nil ("never") when the end falls among outcomes that never answer the question (a target
    /// they do not reach); both are nil when no outcome inside the interval answers it.
    public var low: Double?
    public var high: Double?
    /// Outcomes for which the question has no answer (unreachable under that draw).
    public var unanswered: Int
    /// Outcomes with an answer.
    public var answered: Int
    public var kind: IntervalKind
}

extension Planner {
    /// A percentile interval of one answer under each outcome; nil when there are none. An
    /// outcome without an answer (nil) never reaches the target (no compute, no shot count
    /// does), so it ranks above every answer: an end that falls among such outcomes is nil
    /// ("never"), not the largest finite answer. `logScale` interpolates between order
    /// statistics in logarithms, for answers (FLOPs) that span orders of magnitude.
    ///
    /// With `point`, the answer printed beside it, the interval reaches at least to the point:
    /// the draws are centred on the point's law (`DrawCentring`), so this changes an end only
    /// where a derived answer's distribution is skewed past the point or its level is small.
    static func interval(
        level: Double, values: [Double?], kind: IntervalKind = .confidence, logScale: Bool = false,
        containing point: Double? = nil
    ) -> Interval? {
        guard !values.isEmpty else { return nil }
        let answered = values.compactMap { $0 }.map { logScale ? log($0) : $0 }.sorted()
        // The answered values, then one +infinity for each outcome without an answer.
        func quantile(_ q: Double) -> Double? {
            let position = q * Double(values.count - 1)
            let i = Int(position.rounded(.down))
            let j = min(i + 1, values.count - 1)
            let fraction = position - Double(i)
            guard i < answered.count, j < answered.count || fraction == 0 else { return nil }
            let low = answered[i]
            let value = fraction == 0 ? low : low + fraction * (answered[j] - low)
            return logScale ? exp(value) : value
        }
        let tail = (1 - level / 100) / 2
        var (low, high) = (quantile(tail), quantile(1 - tail))
        if let point, point.isFinite {
            // A "never" high end lies past every point already; a "never" low end, where the
            // point reaches, starts at the point.
            low = low.map { min($0, point) } ?? point
            high = high.map { max($0, point) }
        }
        return Interval(
            level: level, low: low, high: high, unanswered: values.count - answered.count,
            answered: answered.count, kind: kind)
    }
}
