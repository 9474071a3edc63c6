import ContextScaling
import Foundation

/// A fit of Eq. (1) to evaluation results, with what a user needs to judge it.
public struct FitReport: Sendable {
    public var taskName: String
    public var records: [Observation]
    public var result: FitResult
    public var range: FitRange
    /// Mean absolute residual per model (or compute level) and per shot count (or prompt length).
    public var byModel: [(FitGroup, Double, Int)]
    public var byPrompt: [(FitGroup, Double, Int)]
    /// What the data cannot determine.
    public var warnings: [FitWarning]
    public var draws: [ContextScalingLaw]
    public var bootstrap: BootstrapSummary?
    public var seconds: Double
    /// For per-instance rows (every score 0 or 1), the errors on group means, which the
    /// by-model and by-prompt tables then hold too (`Planner.perInstance`); nil otherwise.
    public var groupMeans: GroupMeanErrors? = nil

    /// The residuals that stand for a new model's scatter around the law: those of each model's
    /// fully trained records, at its largest compute. A model's intermediate checkpoints (a
    /// training run's records at fewer tokens) sit mid-schedule, their learning rate not yet
    /// decayed, and deviate from the law in ways a finished model does not; the question a
    /// prediction answers is a finished model's. Records of no named model, and models with one
    /// compute, give all of theirs.
    public var scatter: (residuals: [Double], counts: [Double]) {
        if Planner.isPerInstance(records) { return groupMeanScatter }
        var kept: (residuals: [Double], counts: [Double]) = ([], [])
        for (record, residual) in finishedRecords {
            kept.residuals.append(residual)
            kept.counts.append(Double(record.count))
        }
        return kept
    }

    /// For per-instance 0/1 rows, a model's scatter is that of its group means (one residual a
    /// model, compute, prompt and limit, counted once): a single row's residual is the
    /// sampling noise of one question, not how far a new model lands from the law. Of each
    /// model's fully trained records, as `scatter` keeps them.
    private var groupMeanScatter: (residuals: [Double], counts: [Double]) {
        struct Group: Hashable { let model: String?, flops: Double, nPmt: Double, nCtx: Double }
        var order: [Group] = []
        var sums: [Group: (residual: Double, rows: Double)] = [:]
        for (record, residual) in finishedRecords {
            let key = Group(model: record.model, flops: record.flops, nPmt: record.nPmt, nCtx: record.nCtx)
            if sums[key] == nil { order.append(key) }
            sums[key, default: (0, 0)].residual += residual * Double(record.count)
            sums[key, default: (0, 0)].rows += Double(record.count)
        }
        let residuals = order.compactMap { sums[$0].map { $0.residual / $0.rows } }
        return (residuals, residuals.map { _ in 1 })
    }

    /// Each fully trained record with its residual: every record of no named model, and of a
    /// named one those at its largest compute (within 0.1%).
    private var finishedRecords: [(record: Observation, residual: Double)] {
        var largest: [String: Double] = [:]
        for record in records { if let m = record.model { largest[m] = max(largest[m] ?? 0, record.flops) } }
        return zip(records, result.residuals).filter { record, _ in
            guard let m = record.model, let top = largest[m] else { return true }
            return record.flops >= top * 0.999
        }.map { ($0, $1) }
    }

    /// `scatter` one residual per observation, a folded record's repeated by its count: what a
    /// preset saves.
    public var scatterResiduals: [Double] {
        let (residuals, counts) = scatter
        guard counts.contains(where: { $0 != 1 }) else { return residuals }
        return zip(residuals, counts).flatMap { Array(repeating: $0, count: Int($1)) }
    }
}

/// What a fit's residuals are grouped by: a record's model (its compute when it names none),
/// and its shot count (its prompt length when it gives none). The program words them.
public enum FitGroup: Hashable, Sendable {
    case model(String)
    case compute(Double)
    case shots(Int)
    case promptTokens(Double)
    /// A bin of prompt lengths, shortest and longest (per-instance rows).
    case promptRange(Double, Double)
}

/// Percentile intervals of each parameter over bootstrap draws, and how A, Cc and alpha move
/// together.
public struct BootstrapSummary: Sendable {
    public var level: Double
    /// One per parameter of the form, in its order: (parameter, low, high).
    public var intervals: [(LawParameter, Double, Double)]
    /// Correlations among log A, log Cc and alpha across draws; nil for a pair one of whose
    /// sides every draw holds at one value (Cc, set on its ridge by convention).
    public var correlations: [(String, Double?)]

    /// Whether A, Cc and alpha move together across draws (some correlation beyond 0.95): the
    /// data fixes A (C/Cc)^alpha, not each parameter, so their intervals are read together.
    public var computeParametersMoveTogether: Bool { correlations.contains { abs($0.1 ?? 0) > 0.95 } }
    /// Whether the draws move Cc at all: they hold it at the data's middle compute unless a
    /// bound forbids it.
    public var ccVaries: Bool { correlations.contains { $0.0 == "log A ~ log Cc" && $0.1 != nil } }
}

/// The error of a law fitted on short prompts on the longer ones it never saw (Sec. 4.2).
public struct Validation: Sendable {
    public var fit: FitReport
    public var heldOut: [Observation]
    public var heldOutResiduals: [Double]
    public var threshold: Double
    /// Leave-one-model-out, leave-one-limit-out and extrapolation backtests, when asked for.
    public var backtests: [Backtest] = []
    /// The forward backtest (fit the smaller sizes, predict the next), when asked for and the
    /// records hold three sizes or more.
    public var forward: ForwardBacktest?
    /// Distinct model sizes (or compute levels) behind the fit.
    public var sizes = 0
    /// Whether the Sec. 4.2 split was left out because no prompt is longer than the threshold
    /// (the other backtests still run): `fit` is then the fit to every record.
    public var heldOutSkipped = false
    public var heldOutMAE: Double? {
        heldOutResiduals.isEmpty
            ? nil
            : zip(heldOut, heldOutResiduals).reduce(0) { $0 + abs($1.1) * Double($1.0.count) }
                / Double(heldOut.observationCount)
    }
}

extension Planner {
    /// The records to fit: the bundled observations of `task`, or those of a CSV file (rows of
    /// `task` when the file has a task column).
    public func fitRecords(file: String?, task: String?) throws -> (
        name: String, records: [Observation], layoutTask: TaskPreset?
    ) {
        let preset = try task.flatMap { name -> TaskPreset? in
            if file != nil { return try? library.task(name) }
            return try library.task(name)
        }
        var records: [Observation]
        if let file {
            records = try ObservationReader(library: library, defaultTask: preset, foldsRepeats: true).read(path: file)
            if let task, records.contains(where: { $0.task != nil }) {
                records = records.filter { $0.task?.lowercased() == task.lowercased() }
                guard !records.isEmpty else { throw FittingError.noRecordsOfTask(file: file, task: task) }
            }
            let tasks = Set(records.compactMap { $0.task?.lowercased() })
            if task == nil && tasks.count > 1 {
                throw FittingError.severalTasks(file: file, tasks: tasks.sorted())
            }
        } else {
            guard let preset else { throw FittingError.noData }
            records = library.observations.filter { $0.task?.lowercased() == preset.name.lowercased() }
            guard !records.isEmpty else {
                throw FittingError.noBundledObservations(task: preset.name)
            }
        }
        let name =
            task ?? records.first?.task
            ?? (file.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "fit")
        let layoutTask = preset ?? records.first?.task.flatMap { try? library.task($0) }
        return (preset?.name ?? name, records, layoutTask)
    }

    /// Fits `form` to `records` by the paper's procedure. A chance `floor` is held at its value
    /// by the floor form (and fitted by it when nil); other forms have none.
    public func fit(
        name: String, records: [Observation], form: AnyLawForm, seed: UInt64, bootstrap: Int = 0, level: Double = 80,
        floor: Double? = nil
    ) throws -> FitReport {
        guard records.observationCount > form.parameterCount else {
            throw FittingError.tooFewRecords(records: records.observationCount, parameters: form.parameterCount)
        }
        if form.separatesParamsAndTokens, let first = records.first(where: { $0.params == nil }) {
            throw FittingError.needsParamsAndTokens(
                form: form, missing: records.count { $0.params == nil }, example: first.origin)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let fitRecords = records.map(\.fitRecord)
        var fitter = Fitter(form: form, seed: seed, cancellation: cancellation)
        fitter.progress = progress
        fitter.pinned = Planner.pinned(form: form, floor: floor)
        let result = fitter.fit(fitRecords)
        let draws =
            bootstrap > 0
            ? fitter.bootstrap(
                fitRecords, clusters: Planner.clusters(of: records), fitted: result.law, count: bootstrap)
            : []
        if cancellation.isRequested { throw CancelledByUser() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Planner.perInstance(FitReport(
            taskName: name, records: records, result: result, range: Planner.range(of: records),
            // Grouped as the program shows them, compute to three figures and prompts to the token,
            // so that records which print alike share a row.
            byModel: Planner.grouped(records, result.residuals, by: { ModelKey(model: $0.model, flops: $0.flops) }) {
                $0.model.map(FitGroup.model) ?? .compute(Double(String(format: "%.2e", $0.flops)) ?? $0.flops)
            },
            byPrompt: Planner.grouped(records, result.residuals, by: { PromptKey(shots: $0.shots, nPmt: $0.nPmt) }) {
                $0.shots.map(FitGroup.shots) ?? .promptTokens($0.nPmt.rounded())
            },
            warnings: Planner.identifiability(records, form: form)
                + (Planner.promptDrop(records).map { [FitWarning.promptDrop($0)] } ?? [])
                + Planner.boundWarning(result.law, pinned: fitter.pinned),
            draws: draws,
            bootstrap: draws.isEmpty ? nil : Planner.summarize(draws, level: level), seconds: seconds))
    }

    /// Fits on prompts of at most `threshold` tokens and scores the rest.
    /// The Sec. 4.2 split: fit on prompts up to `threshold` tokens, score the rest. With
    /// `allowingNoHoldOut`, records with no prompt past the threshold give the fit to every
    /// record and `heldOutSkipped` (for the backtests, which need no long prompt).
    public func validate(
        name: String, records: [Observation], form: AnyLawForm, seed: UInt64, threshold: Double = 10_000,
        floor: Double? = nil, allowingNoHoldOut: Bool = false
    ) throws -> Validation {
        let train = records.filter { $0.nPmt <= threshold }
        let test = records.filter { $0.nPmt > threshold }
        guard !test.isEmpty else {
            guard allowingNoHoldOut else { throw FittingError.nothingToHoldOut(threshold: threshold) }
            let report = try fit(name: name, records: records, form: form, seed: seed, floor: floor)
            var v = Validation(fit: report, heldOut: [], heldOutResiduals: [], threshold: threshold)
            v.heldOutSkipped = true
            return v
        }
        let report = try fit(name: name, records: train, form: form, seed: seed, floor: floor)
        let law = report.result.law
        let residuals = test.map { $0.metric - law.predicted($0) }
        return Validation(fit: report, heldOut: test, heldOutResiduals: residuals, threshold: threshold)
    }

    /// The task preset a fit becomes: the law, the data's range, and the token lengths shots use
    /// when they are known (without them the preset answers in prompt tokens only);
    /// `description` and `source` are the caller's words for it. `floor` is the task's chance
    /// floor, kept in the preset (a floor law's own floor takes its place).
    public func preset(
        from report: FitReport, name: String, metric: String, layout: PromptLayout?, description: String,
        source: String, floor: Double? = nil
    ) -> TaskPreset {
        let law = report.result.law
        return TaskPreset(
            name: name, description: description, metric: metric, law: law, layout: layout,
            fitRange: report.range, draws: report.draws,
            residuals: report.draws.isEmpty ? [] : report.scatterResiduals, source: source,
            floor: law.form.parameters.contains(.floor) ? law.floor : floor)
    }

    /// The warning for the parameters a fit left at an end of their search, if any.
    static func boundWarning(_ law: ContextScalingLaw, pinned: [String: Double]) -> [FitWarning] {
        let onBound = BoundParameter.of(law, pinned: pinned)
        return onBound.isEmpty ? [] : [.onBound(onBound)]
    }

    /// The parameters a fit of `form` holds at given values: the floor form's floor, when given.
    static func pinned(form: AnyLawForm, floor: Double?) -> [String: Double] {
        guard form.parameters.contains(.floor), let floor else { return [:] }
        return [LawParameter.floor.name: floor]
    }

    /// The box the records span, in one pass (fit refuses fewer records than parameters, so
    /// there is at least one).
    static func range(of records: [Observation]) -> FitRange {
        var range = FitRange(
            computeMin: .infinity, computeMax: -.infinity, nCtxMin: .infinity, nCtxMax: -.infinity,
            nPmtMin: .infinity, nPmtMax: -.infinity)
        for r in records {
            range.computeMin = min(range.computeMin, r.flops)
            range.computeMax = max(range.computeMax, r.flops)
            range.nCtxMin = min(range.nCtxMin, r.nCtx)
            range.nCtxMax = max(range.nCtxMax, r.nCtx)
            range.nPmtMin = min(range.nPmtMin, r.nPmt)
            range.nPmtMax = max(range.nPmtMax, r.nPmt)
        }
        return range
    }

    /// What a record's residual is first summed by: its model and compute, or its shots and prompt.
    struct ModelKey: Hashable {
        let model: String?
        let flops: Double
    }

    struct PromptKey: Hashable {
        let shots: Int?
        let nPmt: Double
    }

    /// Mean absolute residual and count per group, in the order the groups first appear. The
    /// records are summed by a key that is cheap to hash and compare (the next record usually
    /// has the last one's), and only each distinct key is named as its group: a million records
    /// hold a few hundred keys.
    static func grouped<Key: Hashable>(
        _ records: [Observation], _ residuals: [Double], by key: (Observation) -> Key, shownAs group: (Key) -> FitGroup
    ) -> [(FitGroup, Double, Int)] {
        var keys: [Key] = []
        var slots: [Key: Int] = [:]
        var sums: [(Double, Int)] = []
        var last: (key: Key, slot: Int)?
        for (record, residual) in zip(records, residuals) {
            let k = key(record)
            let slot: Int
            if let last, last.key == k {
                slot = last.slot
            } else if let known = slots[k] {
                slot = known
            } else {
                slot = keys.count
                slots[k] = slot
                keys.append(k)
                sums.append((0, 0))
            }
            last = (k, slot)
            sums[slot].0 += abs(residual) * Double(record.count)
            sums[slot].1 += record.count
        }
        var order: [FitGroup] = []
        var totals: [FitGroup: (Double, Int)] = [:]
        for (k, (s, n)) in zip(keys, sums) {
            let g = group(k)
            if totals[g] == nil { order.append(g) }
            let (t, m) = totals[g] ?? (0, 0)
            totals[g] = (t + s, m + n)
        }
        return order.compactMap { g in totals[g].map { (g, $0.0 / Double($0.1), $0.1) } }
    }

    /// The distinct values of a quantity over the records; a value that repeats the record
    /// before's (most do, in a file of per-instance rows) is not hashed again.
    static func distinct(_ records: [Observation], _ value: (Observation) -> Double) -> [Double] {
        var seen = Set<Double>()
        var last = Double.nan
        for record in records where value(record) != last {
            last = value(record)
            seen.insert(last)
        }
        return Array(seen)
    }

    /// Distinct levels of a quantity, counting values within 1% of each other as one.
    static func levels(_ values: [Double]) -> Int {
        let sorted = values.sorted()
        var count = 0
        var last = -Double.infinity
        for v in sorted where v > last * 1.01 {
            count += 1
            last = v
        }
        return count
    }

    static func identifiability(_ records: [Observation], form: AnyLawForm) -> [FitWarning] {
        // The ridge and the compute-level warnings speak of Eq. (1)'s A, Cc and alpha.
        var warnings: [FitWarning] = form.hasEquationOneTerms ? [.ridge] : []
        let compute = form.hasEquationOneTerms ? levels(distinct(records, \.flops)) : 0
        if compute == 1 {
            warnings.append(.oneComputeLevel)
        } else if compute == 2 {
            warnings.append(.twoComputeLevels)
        }
        if levels(distinct(records, \.nPmt)) < 3 { warnings.append(.fewPromptLengths) }
        let sizes = sizeCount(records)
        if sizes < 5 { warnings.append(.fewSizes(sizes)) }
        if levels(distinct(records, \.nCtx)) == 1 { warnings.append(.oneContextLimit) }
        if form.penalisesLongPrompts && !records.contains(where: { $0.nPmt > $0.nCtx }) {
            warnings.append(.penaltyUntested)
        }
        if form == .decay {
            warnings.append(.contextTermsConfoundCompute)
            if !records.contains(where: { $0.nativeNCtx != nil }) { warnings.append(.noExtendedModels) }
        }
        return warnings
    }

    static func summarize(_ draws: [ContextScalingLaw], level: Double) -> BootstrapSummary {
        let tail = (1 - level / 100) / 2
        // Draws are refits of one form, so each has the form's parameters in its order.
        let form = draws.first?.form ?? .paper
        let values = draws.map(\.values)
        let intervals = form.parameters.enumerated().map { j, parameter in
            let column = values.map { $0[j] }
            return (parameter, DrawStatistics.quantile(column, tail), DrawStatistics.quantile(column, 1 - tail))
        }
        // A, Cc and alpha trade off along a ridge: their correlations say how far apart they
        // can be told (a form without Eq. (1)'s compute term has none of them).
        let shared = draws.compactMap(\.parameters)
        guard shared.count == draws.count else {
            return BootstrapSummary(level: level, intervals: intervals, correlations: [])
        }
        let logA = shared.map { log($0.A) }
        let logCc = shared.map { log($0.Cc) }
        let alpha = shared.map(\.alpha)
        let correlations = [
            ("log A ~ log Cc", logA, logCc), ("log A ~ alpha", logA, alpha), ("log Cc ~ alpha", logCc, alpha),
        ].map { name, a, b in (name, DrawStatistics.correlation(a, b)) }
        return BootstrapSummary(level: level, intervals: intervals, correlations: correlations)
    }
}
