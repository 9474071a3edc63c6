import ContextScaling

/// How well a law fitted on part of the data predicts the rest, and how often the prediction
/// intervals cover what it did not see.
public struct Backtest: Sendable, Equatable {
    /// What is held out: each model in turn, each context limit in turn, or the largest
    /// compute level (fit on the smaller ones). Raw values are the JSON keys.
    public enum Split: String, Sendable, CaseIterable {
        case model
        case nCtx = "n_ctx"
        case extrapolation
    }
    public var split: Split
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
        name: String, records: [Observation], form: LawForm, seed: UInt64, level: Double = 80
    ) throws -> [Backtest] {
        try Backtest.Split.allCases.compactMap { split in
            try backtest(
                split, name: name, records: records, form: form, seed: seed, level: level)
        }
    }

    /// One split's backtest; nil when it has no fold with enough records on both sides.
    public func backtest(
        _ split: Backtest.Split, name: String, records: [Observation], form: LawForm, seed: UInt64,
        level: Double = 80
    ) throws -> Backtest? {
        var errors: [Double] = []
        var covered = 0
        var folds = 0
        for test in Planner.heldOut(split, records) {
            let held = Set(test)
            let train = records.indices.filter { !held.contains($0) }.map { records[$0] }
            guard train.count > form.parameterCount else { continue }
            let report = try fit(
                name: name, records: train, form: form, seed: seed, bootstrap: Planner.backtestDraws, level: level)
            let outcomes = Outcomes(kind: .prediction, draws: report.draws, residuals: report.result.residuals)
            folds += 1
            for record in test.map({ records[$0] }) {
                let predicted = report.result.law.score(
                    flops: record.flops, promptTokens: record.nPmt, contextLimit: record.nCtx)
                errors.append(abs(record.metric - predicted))
                let scores = outcomes.all.map {
                    $0.score(flops: record.flops, promptTokens: record.nPmt, contextLimit: record.nCtx)
                }
                if let i = Planner.interval(level: level, values: scores), let low = i.low, let high = i.high,
                    record.metric >= low, record.metric <= high
                {
                    covered += 1
                }
            }
        }
        guard folds > 0, !errors.isEmpty else { return nil }
        return Backtest(
            split: split, mae: errors.reduce(0, +) / Double(errors.count),
            coverage: Double(covered) / Double(errors.count), level: level, n: errors.count, folds: folds)
    }

    /// The held-out record indices of each fold of `split`.
    static func heldOut(_ split: Backtest.Split, _ records: [Observation]) -> [[Int]] {
        switch split {
        case .model:
            let ids = clusters(of: records)
            return Set(ids).sorted().map { id in records.indices.filter { ids[$0] == id } }
        case .nCtx:
            return Set(records.map(\.nCtx)).sorted().map { limit in records.indices.filter { records[$0].nCtx == limit }
            }
        case .extrapolation:
            // The largest compute level, counting values within 1% as one (as `levels` does).
            guard let largest = records.map(\.flops).max(), levels(records.map(\.flops)) > 1 else { return [] }
            return [records.indices.filter { records[$0].flops * 1.01 >= largest }]
        }
    }
}
