import ContextScaling

/// Every law form fitted to the same records, and the one the data prefers.
public struct Comparison: Sendable {
    public struct Entry: Sendable {
        public var form: LawForm
        public var fit: FitReport
        /// The Sec. 4.2 held-out error; nil when no record lies over the threshold, or when too
        /// few lie under it to fit.
        public var heldOutMAE: Double?
        /// The leave-one-model-out error (`HoldOutSplit.model`); nil when the records are of a
        /// single model.
        public var cvMAE: Double?
    }

    /// Why a law is preferred.
    public enum Reason: String, Sendable {
        /// The lowest leave-one-model-out error: the error on a model the fit did not see.
        case lowestCVMAE = "lowest_cv_mae"
        /// The lowest Bayesian information criterion: fit against parameter count. Used only
        /// when the records are of one model, so that none can be left out.
        case lowestBIC = "lowest_bic"
    }

    public var taskName: String
    public var recordCount: Int
    /// One per form, in `LawForm.allCases`' order.
    public var entries: [Entry]
    public var preferred: LawForm
    public var reason: Reason
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
        for form in LawForm.allCases {
            let report = try fit(name: name, records: records, form: form, seed: seed, floor: floor)
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
            entries.append(Comparison.Entry(form: form, fit: report, heldOutMAE: heldOut, cvMAE: crossValidated))
        }
        if cancellation.isRequested { throw CancelledByUser() }
        let scored = entries.indices.filter { entries[$0].cvMAE != nil }
        let best: Int
        let reason: Comparison.Reason
        if let lowest = scored.min(by: { entries[$0].cvMAE! < entries[$1].cvMAE! }) {
            (best, reason) = (lowest, .lowestCVMAE)
        } else {
            // Every form is fitted, so `entries` has at least one.
            let lowest = entries.indices.min { entries[$0].fit.result.bic < entries[$1].fit.result.bic } ?? 0
            (best, reason) = (lowest, .lowestBIC)
        }
        let confounded = entries.contains { $0.fit.warnings.contains(.contextTermsConfoundCompute) }
        let warnings: [FitWarning] = confounded ? [.contextTermsConfoundCompute] : []
        return Comparison(
            taskName: name, recordCount: records.observationCount, entries: entries, preferred: entries[best].form,
            reason: reason, warnings: warnings)
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
