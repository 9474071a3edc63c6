import ContextScaling

/// Every law form fitted to the same records, and the one the data prefers.
public struct Comparison: Sendable {
    public struct Entry: Sendable {
        public var form: LawForm
        public var fit: FitReport
        /// The Sec. 4.2 held-out error; nil when no record lies over the threshold, or when too
        /// few lie under it to fit.
        public var heldOutMAE: Double?
    }

    /// Why a law is preferred.
    public enum Reason: String, Sendable {
        /// The lowest Bayesian information criterion: fit against parameter count.
        case lowestBIC = "lowest_bic"
    }

    public var taskName: String
    public var recordCount: Int
    /// One per form, in `LawForm.allCases`' order.
    public var entries: [Entry]
    public var preferred: LawForm
    public var reason: Reason
}

extension Planner {
    /// Fits every law form and, for each, the Sec. 4.2 hold-out above `threshold` tokens.
    public func compare(name: String, records: [Observation], seed: UInt64, threshold: Double) throws -> Comparison {
        var entries: [Comparison.Entry] = []
        for form in LawForm.allCases {
            let report = try fit(name: name, records: records, form: form, seed: seed)
            let heldOut: Double?
            do {
                heldOut = try validate(name: name, records: records, form: form, seed: seed, threshold: threshold)
                    .heldOutMAE
            } catch let stop as CancelledByUser {
                throw stop  // a validation stopped by Ctrl-C is not "no hold-out"
            } catch {
                heldOut = nil
            }
            entries.append(Comparison.Entry(form: form, fit: report, heldOutMAE: heldOut))
        }
        if cancellation.isRequested { throw CancelledByUser() }
        // Every form is fitted, so `entries` has at least one.
        let best = entries.indices.min { entries[$0].fit.result.bic < entries[$1].fit.result.bic } ?? 0
        return Comparison(
            taskName: name, recordCount: records.count, entries: entries, preferred: entries[best].form,
            reason: .lowestBIC)
    }
}
