/// Where the data's score falls as the prompt grows while the prompt still fits the limit
/// (5-shot below 0-shot): Eq. (1) rises with the prompt until the penalty, so it cannot show
/// this, and the fit's residuals carry it instead.
public struct PromptDrop: Sendable, Equatable {
    /// The model (or compute level) with the largest fall, and the two prompts.
    public var group: FitGroup
    public var shorterTokens: Double
    public var longerTokens: Double
    /// Score at the shorter prompt minus the score at the longer one.
    public var drop: Double
    /// Models (or compute levels) with such a fall.
    public var groups: Int
    /// For per-instance rows, the fall in binomial standard errors of the two group means
    /// (a fall is raised only beyond `Planner.promptDropStandardErrors`); nil for accuracies.
    public var standardErrors: Double? = nil
}

extension Planner {
    /// Falls smaller than this are read as evaluation noise.
    static let promptDropTolerance = 0.01
    /// On per-instance rows, a fall must also exceed this many standard errors of the difference
    /// of two group means. Each model and limit compares its shortest bin with up to eleven
    /// longer ones, so a fit of a few models makes some thirty comparisons: at four standard
    /// errors (a one-sided chance of 3e-5 each) a flat law raises the note about once in a
    /// thousand fits, where two would raise it in most.
    static let promptDropStandardErrors = 4.0

    /// The largest fall of the mean score below its shortest prompt's, at a longer prompt that
    /// fits the same limit, over every model and limit; nil when none exceeds the tolerance.
    /// Means per prompt length, so per-instance 0/1 scores compare as their accuracies do; for
    /// such rows the prompts are binned (`PromptBins`) and a fall must exceed its sampling error.
    static func promptDrop(_ records: [Observation]) -> PromptDrop? {
        struct Series: Hashable {
            let cluster: Int
            let nCtx: Double
        }
        struct Point {
            var sum = 0.0
            var count = 0.0
            var tokens = 0.0
            var example: Observation
            var mean: Double { sum / count }
        }
        let perInstance = isPerInstance(records)
        // A prompt's key: its length, or for per-instance rows its bin. (A million rows are
        // read in place, not filtered into a copy.)
        let bins = perInstance ? PromptBins(records).index : []
        struct Slot: Hashable {
            let series: Series
            let prompt: Double
        }
        var slots = KeySlots<Slot>()
        var sums: [Point] = []
        for (i, (record, cluster)) in zip(records, clusters(of: records)).enumerated() where record.nPmt <= record.nCtx {
            let prompt = perInstance ? Double(bins[i]) : record.nPmt
            let slot = slots.slot(Slot(series: Series(cluster: cluster, nCtx: record.nCtx), prompt: prompt))
            if slot == sums.count { sums.append(Point(example: record)) }
            // A folded record stands for `count` rows.
            let rows = Double(record.count)
            sums[slot].sum += record.metric * rows
            sums[slot].count += rows
            sums[slot].tokens += record.nPmt * rows
        }
        var series: [Series: [Double: Point]] = [:]
        for (slot, point) in zip(slots.keys, sums) { series[slot.series, default: [:]][slot.prompt] = point }
        /// The fall from `a` to `b` in standard errors of the difference of their means, at the
        /// pooled share (a two-proportion test); infinite where the pooled share is 0 or 1 and
        /// the means differ.
        func standardErrors(_ a: Point, _ b: Point) -> Double {
            let p = (a.sum + b.sum) / (a.count + b.count)
            let se = (p * (1 - p) * (1 / a.count + 1 / b.count)).squareRoot()
            return se > 0 ? (a.mean - b.mean) / se : (a.mean > b.mean ? .infinity : 0)
        }
        var worst: PromptDrop?
        var falling = Set<Int>()
        for (key, points) in series {
            guard let shortest = points.min(by: { $0.key < $1.key }) else { continue }
            let longer = points.filter {
                $0.key > shortest.key
                    && (!perInstance || standardErrors(shortest.value, $0.value) > promptDropStandardErrors)
            }
            guard let lowest = longer.min(by: { $0.value.mean < $1.value.mean }) else { continue }
            let drop = shortest.value.mean - lowest.value.mean
            guard drop > promptDropTolerance else { continue }
            falling.insert(key.cluster)
            if drop > worst?.drop ?? 0 {
                let example = shortest.value.example
                worst = PromptDrop(
                    group: example.model.map(FitGroup.model) ?? .compute(example.flops),
                    shorterTokens: perInstance ? shortest.value.tokens / shortest.value.count : shortest.key,
                    longerTokens: perInstance ? lowest.value.tokens / lowest.value.count : lowest.key, drop: drop,
                    groups: 0,
                    standardErrors: perInstance ? standardErrors(shortest.value, lowest.value) : nil)
            }
        }
        worst?.groups = falling.count
        return worst
    }
}
