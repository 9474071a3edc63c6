import ContextScaling

/// How well a law fitted on part of the data predicts the rest, and how often the prediction
/// intervals cover what it did not see.
public struct Backtest: Sendable, Equatable {
    public var split: HoldOutSplit
    /// Mean absolute error of the fitted law on the held-out records.
    public var mae: Double
    /// The share of held-out scores inside their prediction interval at `level`.
    public var coverage: Double
    public var level: Double
    /// Held-out records, and the fits they took.
    public var n: Int
    public var folds: Int
}

extension Planner {
    /// Bootstrap draws per backtest fold: enough for an 80% interval's ends.
    static let backtestDraws = 100

    /// Each split's backtest that the data allows (two models, limits or compute levels at least).
    public func backtests(
        name: String, records: [Observation], form: AnyLawForm, seed: UInt64, level: Double = 80, floor: Double? = nil
    ) throws -> [Backtest] {
        try HoldOutSplit.allCases.compactMap { split in
            try backtest(split, name: name, records: records, form: form, seed: seed, level: level, floor: floor)
        }
    }

    /// One split's backtest on cross-validation's folds, each fitted afresh with its own
    /// bootstrap; nil when no fold has enough records on both sides.
    public func backtest(
        _ split: HoldOutSplit, name: String, records: [Observation], form: AnyLawForm, seed: UInt64,
        level: Double = 80, floor: Double? = nil
    ) throws -> Backtest? {
        var errors: [Double] = []
        var covered = 0
        var observations = 0
        var folds = 0
        for (_, test) in Planner.folds(of: records, split: split, largestLevels: 1) {
            let held = Set(test)
            let train = records.indices.filter { !held.contains($0) }.map { records[$0] }
            guard train.observationCount > form.parameterCount else { continue }
            let report = try fit(
                name: name, records: train, form: form, seed: seed, bootstrap: Planner.backtestDraws, level: level,
                floor: floor)
            let scatter = report.scatter
            let outcomes = Outcomes(
                kind: .prediction, draws: report.draws, residuals: scatter.residuals, counts: scatter.counts)
            folds += 1
            for record in test.map({ records[$0] }) {
                errors.append(abs(record.metric - report.result.law.predicted(record)) * Double(record.count))
                observations += record.count
                let scores = outcomes.all.map { $0.score(record) }
                if let i = Planner.interval(level: level, values: scores), let low = i.low, let high = i.high,
                    record.metric >= low, record.metric <= high
                {
                    covered += record.count
                }
            }
        }
        guard folds > 0, observations > 0 else { return nil }
        return Backtest(
            split: split, mae: errors.reduce(0, +) / Double(observations),
            coverage: Double(covered) / Double(observations), level: level, n: observations, folds: folds)
    }
}
