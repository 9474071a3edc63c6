import Foundation
import Planner

extension PlotData.Series {
    /// The curve's score at fraction `fx` of the log x axis, interpolated between its samples.
    func score(atFraction fx: Double, of range: ClosedRange<Double>) -> Double? {
        guard let first = points.first, let last = points.last else { return nil }
        let x = range.lowerBound * pow(range.upperBound / range.lowerBound, fx)
        guard x >= first.x, x <= last.x else { return nil }
        guard let upper = points.firstIndex(where: { $0.x >= x }) else { return nil }
        guard upper > 0 else { return points[0].y }
        let (a, b) = (points[upper - 1], points[upper])
        let t = log(x / a.x) / log(b.x / a.x)
        return a.y + (t.isFinite ? t : 0) * (b.y - a.y)
    }
}
