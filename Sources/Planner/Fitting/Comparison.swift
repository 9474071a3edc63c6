import ContextScaling

/// Every law form fitted to the same records, and the one the data prefers.
public struct Comparison: Sendable {
    public struct Entry: Sendable {
        public var form: AnyLawForm
        public var fit: FitReport
        /// The Sec. 4.2 held-out error; nil when no record lies over the threshold, or when too
        /// few lie under it to fit.
        public var heldOutMAE: Double?
        /// The leave-one-model-out error (`HoldOutSplit.model`); nil when the records are of a
        /// single model.
        public var cvMAE: Double?
        /// The forward backtest's error and coverage (fit the smaller sizes, predict the next);
        /// nil with fewer than three sizes.
        public var forward: ForwardBacktest?
        /// What the data lacks to determine the form's parameters; empty when it is identifiable.
        public var unidentified: [Unidentified]
        public var identifiable: Bool { unidentified.isEmpty }
    }

    /// Why a form's parameters are not all determined by the records.
    public enum Unidentified: Sendable, Equatable {
        /// More free parameters than distinct (compute, prompt, limit) groups.
        case moreParametersThanGroups(parameters: Int, groups: Int)
        case lacks(DataRequirement)
    }

    /// A form that could not be fitted at all, and why (the fit's error).
    public struct Skipped: Sendable {
        public var form: AnyLawForm
        public var error: FittingError
    }

    /// Why a law is preferred.
    public enum Reason: String, Sendable {
        /// The lowest leave-one-model-out error: the error on a model the fit did not see.
        case lowestCVMAE = "lowest_cv_mae"
        /// The lowest Bayesian information criterion: fit against parameter count. Used only
        /// when the records are of one model, so that none can be left out.
        case lowestBIC = "lowest_bic"
        /// The lowest forward-backtest error among the identifiable laws: how a law extrapolates
        /// to a larger model, the question planning asks.
        case lowestForwardMAE = "lowest_forward_mae"
        /// Fewer sizes than a forward backtest needs: the paper's law, which Eq. (1) was
        /// validated on, is kept.
        case tooFewSizes = "too_few_sizes"
        /// The records give parameters N and tokens D for three sizes or more, and the law that
        /// sees them apart (identifiable, and better than every compute-only law on the models
        /// it did not see) is preferred: a law of C = 6ND alone cannot tell a larger model from
        /// a longer-trained one, and its forward folds, which vary D at sizes already seen,
        /// cannot show where that costs it.
        case separatesParamsAndTokens = "separates_params_and_tokens"
    }

    public var taskName: String
    public var recordCount: Int
    /// One per form, in `AnyLawForm.allCases`' order.
    public var entries: [Entry]
    public var preferred: AnyLawForm
    public var reason: Reason
    /// Distinct model sizes (or compute levels) behind the fits.
    public var sizes: Int
    /// Forms that could not be fitted to these records.
    public var skipped: [Skipped]
    /// What the program should say of the fits (the decay form's confounding, for one).
    public var warnings: [FitWarning]

    /// The preferred law's entry.
    public var preferredEntry: Entry? { entries.first { $0.form == preferred } }
}

extension Planner {
    /// Fits every law form and, for each, the Sec. 4.2 hold-out above `threshold` tokens and
    /// the leave-one-model-out error; the law with the lowest of the latter is preferred. A
    /// chance `floor` is the floor form's given value (fitted when nil).
    public func compare(
        name: String, records: [Observation], seed: UInt64, threshold: Double, floor: Double? = nil
    ) throws -> Comparison {
        var entries: [Comparison.Entry] = []
        var skipped: [Comparison.Skipped] = []
        let sizes = Planner.sizeCount(records)
        for form in AnyLawForm.allCases {
            let report: FitReport
            do {
                report = try fit(name: name, records: records, form: form, seed: seed, floor: floor)
            } catch let error as FittingError {
                // A form these records cannot fit (too few of them, compute without N and D) is
                // passed over, not a failure of the comparison.
                skipped.append(Comparison.Skipped(form: form, error: error))
                continue
            }
            let heldOut = try optional {
                try validate(name: name, records: records, form: form, seed: seed, threshold: threshold, floor: floor)
                    .heldOutMAE
            }
            // Each fold refined from the fit to every record: the same errors as fresh searches
            // (to 1e-9 on Tables 8-10) at a fiftieth of the time.
            let crossValidated = try optional {
                try crossValidate(
                    records: records, form: form, split: .model, seed: seed, floor: floor, from: report.result.law
                ).mae
            }
            let forward = try forwardBacktest(name: name, records: records, form: form, seed: seed, floor: floor)
            entries.append(
                Comparison.Entry(
                    form: form, fit: report, heldOutMAE: heldOut, cvMAE: crossValidated, forward: forward,
                    unidentified: Planner.unidentified(form, records: records, floor: floor)))
        }
        if cancellation.isRequested { throw CancelledByUser() }
        guard !entries.isEmpty else {
            throw skipped.first?.error ?? FittingError.tooFewRecords(records: records.count, parameters: 6)
        }
        let (best, reason) = Planner.preference(entries, sizes: sizes)
        let confounded = entries.contains { $0.fit.warnings.contains(.contextTermsConfoundCompute) }
        let warnings: [FitWarning] = confounded ? [.contextTermsConfoundCompute] : []
        return Comparison(
            taskName: name, recordCount: records.observationCount, entries: entries, preferred: entries[best].form,
            reason: reason, sizes: sizes, skipped: skipped, warnings: warnings)
    }

    /// The entry the data prefers: with three sizes or more, the identifiable law with the
    /// lowest forward error; with fewer, the paper's law; where neither applies (no identifiable
    /// law could be backtested, or the paper's could not be fitted), the lowest
    /// leave-one-model-out error, else the lowest BIC.
    static func preference(_ entries: [Comparison.Entry], sizes: Int) -> (Int, Comparison.Reason) {
        if sizes >= ForwardBacktest.minimumSizes, let separating = separatingPreference(entries) {
            return (separating, .separatesParamsAndTokens)
        }
        if sizes >= ForwardBacktest.minimumSizes {
            let scored = entries.indices.compactMap { i in
                entries[i].identifiable ? entries[i].forward.map { (i, $0.mae) } : nil
            }
            if let lowest = scored.min(by: { $0.1 < $1.1 }) { return (lowest.0, .lowestForwardMAE) }
        } else if let paper = entries.firstIndex(where: { $0.form == .paper }) {
            return (paper, .tooFewSizes)
        }
        let scored = entries.indices.compactMap { i in entries[i].cvMAE.map { (i, $0) } }
        if let lowest = scored.min(by: { $0.1 < $1.1 }) { return (lowest.0, .lowestCVMAE) }
        let lowest = entries.indices.min { entries[$0].fit.result.bic < entries[$1].fit.result.bic } ?? 0
        return (lowest, .lowestBIC)
    }

    /// The identifiable law that sees N and D apart, where its leave-one-model-out error is below
    /// every identifiable compute-only law's; nil otherwise (or where none was left out).
    static func separatingPreference(_ entries: [Comparison.Entry]) -> Int? {
        let scored = entries.indices.compactMap { i in
            entries[i].identifiable ? entries[i].cvMAE.map { (index: i, mae: $0) } : nil
        }
        let separating = scored.filter { entries[$0.index].form.separatesParamsAndTokens }
        guard let best = separating.min(by: { $0.mae < $1.mae }) else { return nil }
        let computeOnly = scored.filter { !entries[$0.index].form.separatesParamsAndTokens }
        return computeOnly.allSatisfy { best.mae < $0.mae } ? best.index : nil
    }

    /// What `records` lack for a fit of `form` to determine its parameters (a given `floor` is
    /// held, not estimated).
    static func unidentified(_ form: AnyLawForm, records: [Observation], floor: Double?) -> [Comparison.Unidentified] {
        var missing: [Comparison.Unidentified] = []
        struct Group: Hashable { let c: Double, n: Double, x: Double, native: Double?, params: Double? }
        let groups = Set(records.map { Group(c: $0.flops, n: $0.nPmt, x: $0.nCtx, native: $0.nativeNCtx, params: $0.params) })
        let estimated = form.parameterCount - Planner.pinned(form: form, floor: floor).count
        if estimated > groups.count {
            missing.append(.moreParametersThanGroups(parameters: estimated, groups: groups.count))
        }
        for requirement in form.dataRequirements {
            let met: Bool
            switch requirement {
            case .promptNearLimit: met = records.contains { $0.nPmt >= $0.nCtx / 2 }
            case .extendedModel: met = records.contains { $0.nativeNCtx != nil }
            case .paramsAndTokens:
                // Its N and D terms each have a coefficient and an exponent beside the shared
                // ceiling: three sizes and three token counts at least.
                met =
                    records.allSatisfy { $0.params != nil } && Set(records.compactMap(\.params)).count >= 3
                    && Set(records.compactMap { r in r.params.map { r.flops / (6 * $0) } }).count >= 3
            }
            if !met { missing.append(.lacks(requirement)) }
        }
        return missing
    }

    /// The value of `body`, or nil when it throws anything but a stop by Ctrl-C (which is not
    /// "no answer" and is passed on).
    private func optional(_ body: () throws -> Double?) throws -> Double? {
        do {
            return try body()
        } catch let stop as CancelledByUser {
            throw stop
        } catch {
            return nil
        }
    }
}
