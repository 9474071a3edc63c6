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
}

extension Planner {
    /// Falls smaller than this are read as evaluation noise.
    static let promptDropTolerance = 0.01

    /// The largest fall of the mean score below its shortest prompt's, at a longer prompt that
    /// fits the same limit, over every model and limit; nil when none exceeds the tolerance.
    /// Means per prompt length, so per-instance 0/1 scores compare as their accuracies do.
    static func promptDrop(_ records: [Observation]) -> PromptDrop? {
        struct Series: Hashable {
            let cluster: Int
            let nCtx: Double
        }
        struct Point {
            var sum = 0.0
            var count = 0.0
            var example: Observation
            var mean: Double { sum / count }
        }
        var series: [Series: [Double: Point]] = [:]
        for (record, cluster) in zip(records, clusters(of: records)) where record.nPmt <= record.nCtx {
            let key = Series(cluster: cluster, nCtx: record.nCtx)
            series[key, default: [:]][record.nPmt, default: Point(example: record)].sum +=
                record.metric * Double(record.count)
            series[key]?[record.nPmt]?.count += Double(record.count)
        }
        var worst: PromptDrop?
        var falling = Set<Int>()
        for (key, points) in series {
            guard let shortest = points.min(by: { $0.key < $1.key }),
                let lowest = points.filter({ $0.key > shortest.key }).min(by: { $0.value.mean < $1.value.mean })
            else { continue }
            let drop = shortest.value.mean - lowest.value.mean
            guard drop > promptDropTolerance else { continue }
            falling.insert(key.cluster)
            if drop > worst?.drop ?? 0 {
                let example = shortest.value.example
                worst = PromptDrop(
                    group: example.model.map(FitGroup.model) ?? .compute(example.flops),
                    shorterTokens: shortest.key, longerTokens: lowest.key, drop: drop, groups: 0)
            }
        }
        worst?.groups = falling.count
        return worst
    }
}
