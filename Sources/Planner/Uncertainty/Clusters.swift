import Foundation

extension Planner {
    /// The cluster of each record for the bootstrap: its model, or its compute level (to three
    /// figures) when it names none. Records of one model share its deviation from the law, so
    /// the bootstrap resamples them together.
    static func clusters(of records: [Observation]) -> [Int] {
        var ids: [String: Int] = [:]
        // A million per-instance rows hold a few distinct names and levels: each is keyed once.
        var byModel: [String: Int] = [:]
        var byCompute: [Double: Int] = [:]
        func id(_ key: String) -> Int {
            if let id = ids[key] { return id }
            ids[key] = ids.count
            return ids.count - 1
        }
        return records.map { record in
            if let model = record.model {
                if let known = byModel[model] { return known }
                let cluster = id("model " + model.lowercased())
                byModel[model] = cluster
                return cluster
            }
            if let known = byCompute[record.flops] { return known }
            let cluster = id("compute " + String(format: "%.2e", record.flops))
            byCompute[record.flops] = cluster
            return cluster
        }
    }
}
