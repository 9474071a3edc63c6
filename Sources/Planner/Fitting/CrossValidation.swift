import ContextScaling

/// How records are held out of a fit to score it on data it did not see.
public enum HoldOutSplit: String, Sendable, CaseIterable {
    /// Leave one model out: each fold holds out every record of one model (of one compute level
    /// when records name no model), the question a user asks of a model not yet trained.
    case model
    /// Leave one limit out: each fold holds out every record at one context limit.
    case contextLimit = "n_ctx"
    /// One fold: fit on all but the largest compute levels, score the largest.
    case extrapolation
}

/// What one fold held out.
public enum HeldOutGroup: Hashable, Sendable {
    case model(String)
    /// Records of no named model, grouped by compute (to three figures, as fit's table shows).
    case compute(Double)
    case contextLimit(Double)
    /// Every record at or above this compute.
    case computeFrom(Double)
}

/// A law refitted once per fold of a split, and its predictions for the records each fold held
/// out: an estimate of the error on data the fit has not seen.
public struct CrossValidation: Sendable {
    public struct Fold: Sendable {
        public var group: HeldOutGroup
        /// The law fitted to every record outside the fold.
        public var law: ContextScalingLaw
        /// Indices into `records` of the records held out.
        public var heldOut: [Int]
        /// The law's prediction for each held-out record, in `heldOut`'s order.
        public var predictions: [Double]
    }

    public var split: HoldOutSplit
    public var form: AnyLawForm
    public var records: [Observation]
    /// The folds that could be fitted; a fold whose rest has too few records for the form's
    /// parameters is left out (`skipped` counts them).
    public var folds: [Fold]
    public var skipped: Int

    /// Every held-out record's observed score, prediction and count, fold by fold.
    public var pairs: [(truth: Double, prediction: Double, count: Int)] {
        folds.flatMap { fold in
            zip(fold.heldOut, fold.predictions).map { (records[$0].metric, $1, records[$0].count) }
        }
    }

    /// Mean absolute error over every held-out observation.
    public var mae: Double {
        pairs.reduce(0) { $0 + abs($1.truth - $1.prediction) * Double($1.count) } / Double(max(1, n))
    }

    /// How many held-out observations `mae` averages.
    public var n: Int { folds.reduce(0) { total, fold in fold.heldOut.reduce(total) { $0 + records[$1].count } } }
}

extension Planner {
    /// Refits `form` once per fold of `split` and predicts each fold's held-out records.
    /// `largestLevels` is how many of the largest compute levels the extrapolation split holds
    /// out (levels within 1% of each other count as one, as fit's warnings count them).
    /// With `start` (the law fitted to every record), each fold is refined from it instead of
    /// searched afresh: a fold is most of the data, so its fit lies in the same valley, found in
    /// a fiftieth of the time (Tables 8-10: the same errors to 1e-9). Throws when no fold can be
    /// fitted, for instance when every record is of one model.
    public func crossValidate(
        records: [Observation], form: AnyLawForm, split: HoldOutSplit, seed: UInt64, largestLevels: Int = 1,
        floor: Double? = nil, from start: ContextScalingLaw? = nil
    ) throws -> CrossValidation {
        var folds: [CrossValidation.Fold] = []
        var skipped = 0
        for (group, heldOut) in Planner.folds(of: records, split: split, largestLevels: largestLevels) {
            let held = Set(heldOut)
            let train = records.indices.filter { !held.contains($0) }.map { records[$0] }
            guard train.observationCount > form.parameterCount else {
                skipped += 1
                continue
            }
            let law = try start.map { try refit(train, form: form, floor: floor, from: $0) }
                ?? fit(name: "", records: train, form: form, seed: seed, floor: floor).result.law
            let predictions = heldOut.map { law.predicted(records[$0]) }
            folds.append(CrossValidation.Fold(group: group, law: law, heldOut: heldOut, predictions: predictions))
        }
        guard !folds.isEmpty else { throw FittingError.nothingToLeaveOut(split: split) }
        return CrossValidation(split: split, form: form, records: records, folds: folds, skipped: skipped)
    }

    /// `form` fitted to `records` from `start` rather than by a global search.
    private func refit(_ records: [Observation], form: AnyLawForm, floor: Double?, from start: ContextScalingLaw) throws
        -> ContextScalingLaw
    {
        var fitter = Fitter(form: form, cancellation: cancellation)
        fitter.pinned = Planner.pinned(form: form, floor: floor)
        let law = fitter.fit(records.map(\.fitRecord), from: start).law
        if cancellation.isRequested { throw CancelledByUser() }
        return law
    }

    /// The folds of `split`, each a group and the indices of the records it holds out, in the
    /// order the groups first appear (extrapolation has one fold). A split with a single group
    /// has no fold: holding it out would leave nothing to fit.
    static func folds(of records: [Observation], split: HoldOutSplit, largestLevels: Int) -> [(HeldOutGroup, [Int])] {
        switch split {
        case .model:
            return grouped(records) { record in
                record.model.map(HeldOutGroup.model)
                    ?? .compute(Double(String(format: "%.2e", record.flops)) ?? record.flops)
            }
        case .contextLimit:
            return grouped(records) { HeldOutGroup.contextLimit($0.nCtx) }
        case .extrapolation:
            let starts = levelStarts(records.map(\.flops))
            guard starts.count > 1 else { return [] }
            let from = starts[max(1, starts.count - max(1, largestLevels))]
            return [(.computeFrom(from), records.indices.filter { records[$0].flops >= from })]
        }
    }

    private static func grouped(_ records: [Observation], by key: (Observation) -> HeldOutGroup)
        -> [(HeldOutGroup, [Int])]
    {
        var order: [HeldOutGroup] = []
        var members: [HeldOutGroup: [Int]] = [:]
        for (i, record) in records.enumerated() {
            let k = key(record)
            if members[k] == nil { order.append(k) }
            members[k, default: []].append(i)
        }
        return order.count > 1 ? order.map { ($0, members[$0] ?? []) } : []
    }

    /// The smallest value of each level of `values`, ascending, counting values within 1% of
    /// the level's first as one (as `levels` counts them).
    static func levelStarts(_ values: [Double]) -> [Double] {
        var starts: [Double] = []
        for v in values.sorted() where v > (starts.last ?? -.infinity) * 1.01 { starts.append(v) }
        return starts
    }
}

extension ContextScalingLaw {
    /// The law's score for an observation's inputs, its model's native limit included.
    public func predicted(_ record: Observation) -> Double {
        forModel(nativeLimit: record.nativeNCtx).splitting(record.params.map(ComputeSplit.params) ?? .unspecified).score(
            flops: record.flops, promptTokens: record.nPmt, contextLimit: record.nCtx)
    }
}

extension Observation {
    /// The record a fit sees: its inputs (the native limit included) and score.
    var fitRecord: FitRecord {
        FitRecord(
            flops: flops, nPmt: nPmt, nCtx: nCtx, metric: metric, nativeLimit: nativeNCtx, params: params,
            count: Double(count))
    }
}

extension Array where Element == Observation {
    /// The observations these records stand for, their counts summed.
    public var observationCount: Int { reduce(0) { $0 + $1.count } }
}
