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

    /// The largest fall of the score below its shortest prompt's, at a longer prompt that
    /// fits the same limit, over every model and limit; nil when none exceeds the tolerance.
    static func promptDrop(_ records: [Observation]) -> PromptDrop? {
        struct Key: Hashable {
            let cluster: Int
            let nCtx: Double
        }
        let clusters = clusters(of: records)
        var series: [Key: [Observation]] = [:]
        for (record, cluster) in zip(records, clusters) where record.nPmt <= record.nCtx {
            series[Key(cluster: cluster, nCtx: record.nCtx), default: []].append(record)
        }
        var worst: PromptDrop?
        var falling = Set<Int>()
        for (key, rows) in series {
            guard let shortest = rows.min(by: { $0.nPmt < $1.nPmt }),
                let lowest = rows.filter({ $0.nPmt > shortest.nPmt }).min(by: { $0.metric < $1.metric })
            else { continue }
            let drop = shortest.metric - lowest.metric
            guard drop > promptDropTolerance else { continue }
            falling.insert(key.cluster)
            if drop > worst?.drop ?? 0 {
                worst = PromptDrop(
                    group: shortest.model.map(FitGroup.model) ?? .compute(shortest.flops),
                    shorterTokens: shortest.nPmt, longerTokens: lowest.nPmt, drop: drop, groups: 0)
            }
        }
        worst?.groups = falling.count
        return worst
    }
}
