import Foundation

/// The errors of a fit to per-instance rows (every score 0 or 1), taken on the means of groups
/// of rows that share a model (or compute level), a limit and a prompt bin: one row's residual
/// is 0 or 1 less a probability, and its mean absolute value says nothing of the law.
public struct GroupMeanErrors: Sendable, Equatable {
    public var groups: Int
    /// Mean absolute and root mean square error of the group means, each group weighted by its rows.
    public var mae: Double
    public var rmse: Double
    /// The binomial standard error of a group's mean, sqrt(p (1 - p) / n) at the law's p,
    /// averaged as `mae` is: about the error a true law shows from sampling alone.
    public var standardError: Double
}

/// Prompt lengths in at most `maxCount` bins of about equal rows, in order: a per-instance file
/// holds thousands of distinct prompt lengths, each with a few rows.
struct PromptBins {
    static let maxCount = 12
    /// Each record's bin: one byte, for a million rows.
    var index: [UInt8]
    /// Each bin's shortest and longest prompt.
    var ranges: [(low: Double, high: Double)]

    init(_ records: [Observation]) {
        var lengths = KeySlots<Double>()
        var rows: [Int] = []
        for r in records {
            let slot = lengths.slot(r.nPmt)
            if slot == rows.count { rows.append(0) }
            rows[slot] += r.count
        }
        let counts = Dictionary(uniqueKeysWithValues: zip(lengths.keys, rows))
        let distinct = counts.keys.sorted()
        var binOf: [Double: UInt8] = [:]
        var ranges: [(low: Double, high: Double)] = []
        if distinct.count <= PromptBins.maxCount {
            for (i, value) in distinct.enumerated() {
                binOf[value] = UInt8(i)
                ranges.append((value, value))
            }
        } else {
            // A bin closes where the rows so far pass the next twelfth of all rows, so there are
            // at most twelve.
            let share = Double(records.observationCount) / Double(PromptBins.maxCount)
            var cumulative = 0
            var next = 1.0
            var start: Double?
            for value in distinct {
                if start == nil { start = value }
                binOf[value] = UInt8(ranges.count)
                cumulative += counts[value] ?? 0
                if Double(cumulative) >= next * share - 1e-9, let low = start {
                    ranges.append((low, value))
                    start = nil
                    while Double(cumulative) >= next * share - 1e-9 { next += 1 }
                }
            }
            if let low = start, let high = distinct.last { ranges.append((low, high)) }
        }
        var last: (nPmt: Double, bin: UInt8)?
        index = records.map { r in
            if let last, last.nPmt == r.nPmt { return last.bin }
            let bin = binOf[r.nPmt] ?? 0
            last = (r.nPmt, bin)
            return bin
        }
        self.ranges = ranges
    }
}

/// A slot for each distinct key, in the order first seen. A key is hashed only when it differs
/// from the last one asked for: the rows of one group usually come together, and a million rows
/// hold a few hundred groups.
struct KeySlots<Key: Hashable> {
    private(set) var keys: [Key] = []
    private var slots: [Key: Int] = [:]
    private var last: (key: Key, slot: Int)?

    mutating func slot(_ key: Key) -> Int {
        if let last, last.key == key { return last.slot }
        let slot: Int
        if let known = slots[key] {
            slot = known
        } else {
            slot = keys.count
            slots[key] = slot
            keys.append(key)
        }
        last = (key, slot)
        return slot
    }
}

extension Planner {
    /// Whether every score is 0 or 1: per-instance rows, not accuracies.
    static func isPerInstance(_ records: [Observation]) -> Bool {
        !records.isEmpty && records.allSatisfy { $0.metric == 0 || $0.metric == 1 }
    }

    /// For per-instance rows, the report's errors on group means: the by-model and by-prompt
    /// tables become mean absolute errors of group means (weighted by rows), the prompt table in
    /// at most twelve bins in order, and `groupMeans` says so. Other reports are returned as they are.
    static func perInstance(_ report: FitReport) -> FitReport {
        let records = report.records
        guard isPerInstance(records) else { return report }
        struct Key: Hashable {
            let cluster: Int
            let nCtx: Double
            let bin: Int
        }
        struct Sums {
            var residual = 0.0
            var predicted = 0.0
            var count = 0
        }
        let bins = PromptBins(records)
        let clusterOf = clusters(of: records)
        var slots = KeySlots<Key>()
        var sums: [Sums] = []
        for i in records.indices {
            let slot = slots.slot(Key(cluster: clusterOf[i], nCtx: records[i].nCtx, bin: Int(bins.index[i])))
            if slot == sums.count { sums.append(Sums()) }
            // A folded record stands for `count` rows.
            let (residual, rows) = (report.result.residuals[i], records[i].count)
            sums[slot].residual += residual * Double(rows)
            sums[slot].predicted += (records[i].metric - residual) * Double(rows)
            sums[slot].count += rows
        }
        let groups = zip(slots.keys, sums)
        // Per group: |mean residual| and the standard error at the law's mean prediction.
        var byCluster: [Int: (error: Double, rows: Int)] = [:]
        var byBin: [Int: (error: Double, rows: Int)] = [:]
        var total = (error: 0.0, squared: 0.0, standardError: 0.0)
        for (key, sums) in groups {
            let n = Double(sums.count)
            let error = abs(sums.residual / n)
            let p = min(1, max(0, sums.predicted / n))
            total.error += error * n
            total.squared += error * error * n
            total.standardError += (p * (1 - p) / n).squareRoot() * n
            byCluster[key.cluster, default: (0, 0)].error += error * n
            byCluster[key.cluster, default: (0, 0)].rows += sums.count
            byBin[key.bin, default: (0, 0)].error += error * n
            byBin[key.bin, default: (0, 0)].rows += sums.count
        }
        var r = report
        let rows = Double(records.observationCount)
        r.groupMeans = GroupMeanErrors(
            groups: sums.count, mae: total.error / rows, rmse: (total.squared / rows).squareRoot(),
            standardError: total.standardError / rows)
        // Models in the order they first appear, as the row tables have them.
        var seen = Set<Int>()
        r.byModel = records.indices.compactMap { i in
            let cluster = clusterOf[i]
            guard seen.insert(cluster).inserted, let sums = byCluster[cluster] else { return nil }
            let record = records[i]
            let group = record.model.map(FitGroup.model) ?? .compute(Double(String(format: "%.2e", record.flops)) ?? record.flops)
            return (group, sums.error / Double(sums.rows), sums.rows)
        }
        r.byPrompt = bins.ranges.indices.compactMap { bin in
            guard let sums = byBin[bin] else { return nil }
            let range = bins.ranges[bin]
            let group: FitGroup = range.low == range.high ? .promptTokens(range.low.rounded()) : .promptRange(range.low, range.high)
            return (group, sums.error / Double(sums.rows), sums.rows)
        }
        return r
    }
}
