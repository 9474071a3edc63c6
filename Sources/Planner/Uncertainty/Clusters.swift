import Foundation

extension Planner {
    /// The cluster of each record for the bootstrap: its model, or its compute level (to three
    /// figures) when it names none. Records of one model share its deviation from the law, so
    /// the bootstrap resamples them together.
    static func clusters(of records: [Observation]) -> [Int] {
        var ids: [String: Int] = [:]
        return records.map { record in
            let key =
                record.model.map { "model " + $0.lowercased() } ?? "compute " + String(format: "%.2e", record.flops)
            if let id = ids[key] { return id }
            ids[key] = ids.count
            return ids.count - 1
        }
    }
}
