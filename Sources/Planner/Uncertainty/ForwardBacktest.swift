import ContextScaling

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The backtest that asks what planning asks: fit the smaller models, predict the next larger
/// one, and roll forward. Sizes are the records' distinct model sizes N where every record
/// gives one, else their distinct compute levels (within 1% counting as one).
public struct ForwardBacktest: Sendable, Equatable {
    /// One held-out record: how far past the data its fold saw it lies, and how far off the
    /// fold's law was.
    public struct Residual: Sendable, Equatable {
        /// ln(C / the largest compute the fold was fitted on): 0 at the data's edge.
        public var distance: Double
        /// observed - predicted.
        public var error: Double
        /// Whether the fold's prediction interval held the observed score.
        public var covered: Bool
        /// What the fold's own uncertainty explains of the error: the standard deviation of its
        /// bootstrap draws' predictions, and its scatter (1.4826 x the median absolute
        /// deviation of its fit's residuals: robust to the heavy tails of early checkpoints).
        public var spread: Double
        public var scatter: Double
        /// The rise in score per decade of compute at the record, of the law whose compute
        /// error is measured (the fit to every record, or the fold's): what turns a score error
        /// into a compute error (`ExtrapolationError`).
        public var slope: Double
    }

    public var mae: Double
    /// The share of held-out scores inside their fold's prediction interval at `level`.
    public var coverage: Double
    public var level: Double
    /// Held-out records, and folds fitted.
    public var n: Int
    public var folds: Int
    public var residuals: [Residual]

    /// The fewest sizes a forward backtest needs: two to fit on, one to predict.
    public static let minimumSizes = 3

    /// The growth of the error past the data, in decades of compute per decade of distance: k
    /// with k^2 = max(0, sum (e^2 - spread^2 - scatter^2) d^2 / sum d^4) over the errors read as
    /// compute (each divided by its fold's slope), the least-squares slope of the excess squared
    /// error on d^2 (d in decades past the fold's data). 0 where the folds' own bootstrap and
    /// scatter explain their errors. Records where the law has all but stopped rising (under
    /// 0.001 a decade) are passed over: no compute error is read there.
    public var growthPerDecade: Double {
        var numerator = 0.0
        var denominator = 0.0
        for r in residuals where r.slope > 1e-3 {
            let d = r.distance / log(10)
            let (e, spread, scatter) = (r.error / r.slope, r.spread / r.slope, r.scatter / r.slope)
            numerator += (e * e - spread * spread - scatter * scatter) * d * d
            denominator += d * d * d * d
        }
        guard denominator > 0 else { return 0 }
        return max(0, numerator / denominator).squareRoot()
    }
}

extension Planner {
    /// The size a record belongs to for the forward backtest: its N where every record gives
    /// one, else its compute.
    static func sizeKeys(_ records: [Observation]) -> [Double] {
        records.allSatisfy({ $0.params != nil }) ? records.map { $0.params ?? $0.flops } : records.map(\.flops)
    }

    /// How many distinct sizes the records hold (within 1% counting as one).
    public static func sizeCount(_ records: [Observation]) -> Int { levelStarts(sizeKeys(records)).count }

    /// Fits `form` on the records of the k smallest sizes and predicts those of the next, for
    /// k = 2, 3, ...; nil with fewer than three sizes, or when no fold could be fitted. Each fold
    /// is searched afresh (a start from the fit to every record would have seen the future) and
    /// bootstrapped for its intervals. `fromOneSize` also fits on the smallest size alone, the
    /// one fold two sizes allow (for the growth of the error, where nothing else measures it).
    public func forwardBacktest(
        name: String, records: [Observation], form: AnyLawForm, seed: UInt64, level: Double = 80,
        floor: Double? = nil, fromOneSize: Bool = false, slopeOf slopeLaw: ContextScalingLaw? = nil
    ) throws -> ForwardBacktest? {
        let keys = Planner.sizeKeys(records)
        let starts = Planner.levelStarts(keys)
        let first = fromOneSize ? 1 : 2
        guard starts.count > first else { return nil }
        func sizeIndex(_ key: Double) -> Int { (starts.lastIndex { $0 <= key } ?? 0) }
        let sizeOfRecord = keys.map(sizeIndex)
        var residuals: [ForwardBacktest.Residual] = []
        var folds = 0
        for next in first..<starts.count {
            let train = records.indices.filter { sizeOfRecord[$0] < next }.map { records[$0] }
            let test = records.indices.filter { sizeOfRecord[$0] == next }.map { records[$0] }
            // A fold whose training records cannot determine the law says nothing of how it
            // extrapolates (the ladder from two sizes, say).
            guard train.count > form.parameterCount, !test.isEmpty,
                Planner.unidentified(form, records: train, floor: floor).isEmpty
            else { continue }
            let report: FitReport
            do {
                report = try fit(
                    name: name, records: train, form: form, seed: seed, bootstrap: Planner.backtestDraws,
                    level: level, floor: floor)
            } catch let stop as CancelledByUser {
                throw stop
            } catch {
                continue
            }
            // Centred as a saved preset's draws load, so that the fold's intervals are the ones
            // its answers would print.
            let draws = TaskPresetFile.centred(report.draws, on: report.result.law, range: report.range)
            let finished = report.scatterResiduals
            let outcomes = Outcomes(kind: .prediction, draws: draws, residuals: finished)
            let edge = log(train.map(\.flops).max() ?? 1)
            let scatter = 1.4826 * DrawStatistics.quantile(finished.map(abs), 0.5)
            folds += 1
            for record in test {
                let scores = outcomes.all.map { $0.score(record) }
                let interval = Planner.interval(level: level, values: scores)
                let covered = interval.map { ($0.low ?? 0) <= record.metric && record.metric <= ($0.high ?? 1) } ?? false
                let curve = draws.map { $0.predicted(record) }
                let mean = curve.reduce(0, +) / Double(max(1, curve.count))
                let spread = (curve.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, curve.count - 1)))
                    .squareRoot()
                var up = record
                var down = record
                up.flops *= pow(10, 0.01)
                down.flops /= pow(10, 0.01)
                let law = report.result.law
                let reading = slopeLaw ?? law
                let slope = (reading.predicted(up) - reading.predicted(down)) / 0.02
                residuals.append(
                    ForwardBacktest.Residual(
                        distance: max(0, log(record.flops) - edge), error: record.metric - law.predicted(record),
                        covered: covered, spread: spread, scatter: scatter, slope: slope))
            }
        }
        guard folds > 0, !residuals.isEmpty else { return nil }
        let n = Double(residuals.count)
        return ForwardBacktest(
            mae: residuals.reduce(0) { $0 + abs($1.error) } / n,
            coverage: Double(residuals.count { $0.covered }) / n, level: level, n: residuals.count, folds: folds,
            residuals: residuals)
    }

    /// How fast the forecast error of `law` (the fit of `form` to every record) grows past the
    /// data, in decades of compute per decade, as forward folds measure it: the forward backtest
    /// with three sizes or more, else its one fold from the smaller of two; nil with a single
    /// size, or when no fold could be fitted. The folds' errors are read as compute through
    /// `law`'s slope: a fold on one size may not see compute at all. A growth past the 10
    /// decades a decade a preset accepts is given as 10: an interval that wide already spans
    /// every score, and `fit --save` must write a preset that loads (the decay law's fold on
    /// arithmetic measures 28).
    public func extrapolationGrowth(
        name: String, records: [Observation], form: AnyLawForm, law: ContextScalingLaw, seed: UInt64,
        floor: Double? = nil
    ) throws -> Double? {
        let sizes = Planner.sizeCount(records)
        // With fewer than three sizes the one fold fits a single size, which no law's compute
        // term is determined by: its error still measures how far off such a fit lands.
        let growth = try forwardBacktest(
            name: name, records: records, form: form, seed: seed, floor: floor,
            fromOneSize: sizes < ForwardBacktest.minimumSizes, slopeOf: law)?.growthPerDecade
        return growth.map { min($0, PresetCheck.extrapolationGrowth.upper) }
    }
}
