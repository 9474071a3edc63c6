import Foundation

/// The paper's evaluation output (wang-research-lab/context-scaling, eval.py): one JSON per
/// dataset, model, shot count and seed, named
/// `dataset=gsm,model=Yarn-Llama-2-7b-8k,shots=3,local_seed=31337.json`, with `name` (the
/// dataset), `metric`, `n_shots`, and `instances`, each with its `prompt_length` in tokens and
/// its `metric_value`. The model is named only in the file name. Each instance is one record:
/// its prompt length is exact, not an average.
enum PaperEvalFile {
    static func looksLike(_ json: [String: Any]) -> Bool {
        json["instances"] != nil && json["n_shots"] != nil
    }

    /// `key=value` parts of the file name (`dataset`, `model`, `shots`, `local_seed`).
    static func nameParts(_ path: String) -> [String: String] {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var parts: [String: String] = [:]
        for part in stem.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { parts[String(pair[0])] = String(pair[1]) }
        }
        return parts
    }

    static func read(_ json: [String: Any], file: String, context: inout ImportContext) throws -> [ImportedRecord] {
        let fields = JSONFields(object: json, file: file)
        guard let modelName = nameParts(file)["model"], !modelName.isEmpty else {
            throw ImportError.missingField(file: file, field: "model=NAME in the file name")
        }
        let dataset = fields.has("name") ? try fields.text("name") : (nameParts(file)["dataset"] ?? "")
        guard !dataset.isEmpty else { throw ImportError.missingField(file: file, field: "name") }
        guard context.wants(dataset: dataset) else { return [] }
        let model = try context.models.resolve(modelName, file: file)
        let shots = try fields.whole("n_shots")
        let metricName = fields.has("metric") ? try fields.text("metric") : nil
        let instances = try fields.list("instances")
        guard !instances.isEmpty else { throw ImportError.emptyList(file: file, field: "instances") }
        var records: [ImportedRecord] = []
        records.reserveCapacity(instances.count)
        for (i, item) in instances.enumerated() {
            guard let object = item as? [String: Any] else {
                throw ImportError.badField(file: file, field: "instances[\(i)]", expected: .object)
            }
            let instance = JSONFields(object: object, file: file, path: "instances[\(i)]")
            let promptLength = try instance.number("prompt_length")
            guard promptLength >= 1 else {
                throw ImportError.badField(file: file, field: instance.name("prompt_length"), expected: .wholeNumber)
            }
            let score = try instance.score("metric_value", percent: context.settings.percentScores)
            let id = instance.has("instance_id") ? (try? instance.whole("instance_id")) ?? i : i
            records.append(
                ImportedRecord(
                    observation: Observation(
                        task: context.taskName(forDataset: dataset), model: model.name, flops: model.flops,
                        nCtx: model.nCtx, nPmt: promptLength, shots: shots, metric: score,
                        origin: "\(file): instance \(id)"),
                    dataset: dataset, params: model.params, tokens: model.tokens, metricName: metricName,
                    promptSource: .measured, format: .paperEval, source: file))
        }
        return records
    }
}
