import ContextScaling
import Foundation

/// lm-evaluation-harness results. The current format (0.4) keys `results` by task, each with
/// `"metric,filter": value` pairs, and gives shots in `n-shot`; the legacy one (0.3) has bare
/// metric keys and one `config.num_fewshot`. Both name the model in `config.model_args`
/// (`pretrained=ORG/NAME,...`). Each task is one record: its aggregate score at its shot count.
enum HarnessResultsFile {
    static func looksLike(_ json: ResultsJSON) -> Bool { json.top.value("results")?.members != nil }

    static func read(_ json: ResultsJSON, file: String, context: inout ImportContext) throws -> [ImportedRecord] {
        let top = json.top
        let results = try top.child("results")
        // `"results": {}` reads nothing: the file is named, not passed as read.
        guard !results.members.isEmpty else { throw ImportError.emptyList(file: file, field: "results") }
        let config = try top.child("config")
        let current =
            top.value("n-shot") != nil
            || results.members.contains { task in task.value.members?.contains { $0.key.contains(",") } ?? false }
        let format: ResultsFormat = current ? .harness : .legacyHarness
        let hubID = try modelName(top: top, config: config)
        let embedded = config.has("model_num_parameters") ? try? config.number("model_num_parameters") : nil
        var records: [ImportedRecord] = []
        for task in results.keys.sorted() {
            guard context.wants(dataset: task) else { continue }
            let scores = try results.child(task)
            let (metricKey, metricName) = try metric(of: scores, task: task, top: top, context: context)
            let score = try scores.score(metricKey, percent: context.settings.percentScores)
            let shots = try shotCount(task: task, top: top, config: config, current: current)
            let model = try context.models.resolve(hubID, file: file, parametersWithEmbeddings: embedded)
            let (nPmt, source) = try promptLength(task: task, shots: shots, file: file, context: context)
            records.append(
                ImportedRecord(
                    observation: Observation(
                        task: context.taskName(forDataset: task), model: model.name, flops: model.flops,
                        nCtx: model.nCtx, nPmt: nPmt, shots: shots, metric: score, origin: "\(file): \(task)"),
                    dataset: task, params: model.params, tokens: model.tokens, metricName: metricName,
                    promptSource: source, format: format, source: file))
        }
        return records
    }

    /// `pretrained=ORG/NAME` from `config.model_args` (a string, or an object), else the top-level
    /// `model_name`, else `config.model` (the harness's `dummy` model has only that).
    static func modelName(top: JSONFields, config: JSONFields) throws -> String {
        // Some 0.4 releases write the model's arguments as an object rather than a string.
        if case .string(let pretrained)? = config.value("model_args")?["pretrained"], !pretrained.isEmpty {
            return pretrained
        }
        let args = (try? config.text("model_args")) ?? ""
        for part in args.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 && pair[0] == "pretrained" && !pair[1].isEmpty { return pair[1] }
        }
        if let name = try? top.text("model_name"), !name.isEmpty { return name }
        if let name = try? config.text("model"), !name.isEmpty { return name }
        throw ImportError.noModelName(file: top.file)
    }

    /// The metric key to read and the metric's name: the chosen metric (by name, or by full
    /// `metric,filter` key), else the task's first: its config's first listed metric (0.4), or
    /// the first key as the file writes it. Standard errors and `alias` are not metrics (a
    /// standard error may be NaN: it is never read). The key chosen is read as a score even
    /// when it holds null or "N/A", and then rejected by name: a later metric is never taken
    /// in its place.
    static func metric(of scores: JSONFields, task: String, top: JSONFields, context: ImportContext)
        throws -> (key: String, name: String)
    {
        let ordered = scores.keys.filter { !$0.contains("_stderr") && $0 != "alias" }
        func name(_ key: String) -> String { String(key.split(separator: ",").first ?? Substring(key)) }
        if let chosen = context.settings.metric {
            let wanted = chosen.replacingOccurrences(of: " ", with: "_").lowercased()
            if let key = ordered.first(where: { $0.lowercased() == wanted || name($0).lowercased() == wanted }) {
                return (key, name(key))
            }
            throw ImportError.unknownMetric(file: top.file, task: task, metric: chosen, available: ordered)
        }
        let listed = (try? top.child("configs").child(task).list("metric_list"))?
            .compactMap { entry -> String? in
                guard case .string(let metric)? = entry["metric"] else { return nil }
                return metric
            }
        if let first = listed?.first, let key = ordered.first(where: { name($0) == first }) { return (key, first) }
        guard let key = ordered.first else {
            throw ImportError.missingField(file: top.file, field: "results.\(task): a metric")
        }
        return (key, name(key))
    }

    static func shotCount(task: String, top: JSONFields, config: JSONFields, current: Bool) throws -> Int {
        if current {
            if let nShot = try? top.child("n-shot"), nShot.has(task) { return try nShot.whole(task) }
            return try top.child("configs").child(task).whole("num_fewshot")
        }
        return try config.whole("num_fewshot")
    }

    /// Mean prompt tokens: estimated from the samples beside the results when there are any,
    /// else base + shots x shot tokens from the options or the bundled task the dataset groups into.
    static func promptLength(task: String, shots: Int, file: String, context: ImportContext) throws
        -> (Double, PromptSource)
    {
        if let samples = HarnessSamples.file(task: task, besideResults: file) {
            let characters = try HarnessSamples.meanPromptCharacters(path: samples)
            return (max(1, characters / context.settings.charsPerToken), .estimated)
        }
        if let layout = context.settings.shotLengths { return (layout.promptTokens(shots: shots), .shotLengths) }
        if let group = DatasetGroups.task(forDataset: task), let layout = try? context.library.task(group).tokenLengths
        {
            return (layout.promptTokens(shots: shots), .shotLengths)
        }
        throw ImportError.noPromptLength(file: file, task: task, shots: shots)
    }
}
