import Foundation

/// The paper's evaluation output (wang-research-lab/context-scaling, eval.py): one JSON per
/// dataset, model, shot count and seed, named
/// `dataset=gsm,model=Yarn-Llama-2-7b-8k,shots=3,local_seed=31337.json`, with `name` (the
/// dataset), `metric`, `n_shots`, and `instances`, each with its `prompt_length` in tokens and
/// its `metric_value`. The model is named only in the file name. Each instance is one record:
/// its prompt length is exact, not an average.
enum PaperEvalFile {
    /// What a record needs of one instance, as the file writes it (checked when read).
    struct Instance {
        var promptLength: JSONValue?
        var metricValue: JSONValue?
        var instanceID: JSONValue?
        var index: Int

        /// The instance at the parser, its other fields (the prompt's text, the output) passed
        /// over unbuilt.
        init(_ parser: inout JSONParser, index: Int, file: String) throws {
            self.index = index
            guard parser.peek() == UInt8(ascii: "{") else {
                try parser.skip()
                throw ImportError.badField(file: file, field: "instances[\(index)]", expected: .object)
            }
            var promptLength: JSONValue?
            var metricValue: JSONValue?
            var instanceID: JSONValue?
            try parser.members { parser, key in
                switch key {
                case "prompt_length": promptLength = try parser.value()
                case "metric_value": metricValue = try parser.value()
                case "instance_id": instanceID = try parser.value()
                default: try parser.skip()
                }
            }
            self.promptLength = promptLength
            self.metricValue = metricValue
            self.instanceID = instanceID
        }
    }

    static func looksLike(_ json: ResultsJSON) -> Bool { json.instances != nil && json.top.value("n_shots") != nil }

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

    static func read(_ json: ResultsJSON, file: String, context: inout ImportContext) throws -> [ImportedRecord] {
        let fields = json.top
        guard let modelName = nameParts(file)["model"], !modelName.isEmpty else {
            throw ImportError.missingField(file: file, field: "model=NAME in the file name")
        }
        let dataset = fields.has("name") ? try fields.text("name") : (nameParts(file)["dataset"] ?? "")
        guard !dataset.isEmpty else { throw ImportError.missingField(file: file, field: "name") }
        guard context.wants(dataset: dataset) else { return [] }
        let model = try context.models.resolve(modelName, file: file)
        let shots = try fields.whole("n_shots")
        let metricName = fields.has("metric") ? try fields.text("metric") : nil
        let instances = json.instances ?? []
        guard !instances.isEmpty else { throw ImportError.emptyList(file: file, field: "instances") }
        let task = context.taskName(forDataset: dataset)
        let shared = ImportedRecord.Shared(
            dataset: dataset, params: model.params, tokens: model.tokens, metricName: metricName,
            promptSource: .measured, format: .paperEval, source: file)
        var records: [ImportedRecord] = []
        records.reserveCapacity(instances.count)
        for instance in instances {
            let path = "instances[\(instance.index)]"
            func value(_ v: JSONValue?, _ key: String) throws -> JSONValue {
                guard let v else { throw ImportError.missingField(file: file, field: "\(path).\(key)") }
                return v
            }
            let promptLength = try JSONFields.number(
                try value(instance.promptLength, "prompt_length"), file: file, field: "\(path).prompt_length")
            guard promptLength >= 1 else {
                throw ImportError.badField(file: file, field: "\(path).prompt_length", expected: .wholeNumber)
            }
            let read = try JSONFields.number(
                try value(instance.metricValue, "metric_value"), file: file, field: "\(path).metric_value")
            let score = try JSONFields.score(
                read, file: file, field: "\(path).metric_value", percent: context.settings.percentScores)
            let id =
                instance.instanceID.flatMap { v -> Int? in
                    guard case .number(let n) = v else { return nil }
                    return try? JSONFields.whole(n, file: file, field: "")
                } ?? instance.index
            records.append(
                ImportedRecord(
                    observation: Observation(
                        task: task, model: model.name, flops: model.flops, nCtx: model.nCtx, nPmt: promptLength,
                        shots: shots, metric: score, file: file, place: .instance(id)),
                    shared: shared))
        }
        return records
    }
}
