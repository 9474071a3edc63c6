import ContextScaling
import Foundation
import Planner

/// A note under an import's summary.
struct ImportNote: NoteRendering {
    var code: String
    var text: String

    static func notes(_ summary: ImportSummary) -> [ImportNote] {
        let data = summary.data
        var notes: [ImportNote] = []
        let estimated = data.estimatedPrompts
        if estimated > 0 {
            let ratio = Quantities.trimmed(String(format: "%.3g", data.charsPerToken))
            notes.append(
                ImportNote(
                    code: "estimated_prompt_lengths",
                    text: "\(Words.count(estimated, "prompt length")) estimated from the samples' prompt texts at "
                        + "\(ratio) characters per token (--chars-per-token); a tokenizer would count them exactly"))
        }
        let fromShots = data.rows { $0.promptSource == .shotLengths && $0.format != .csv }
        if fromShots > 0 {
            notes.append(
                ImportNote(
                    code: "prompt_lengths_from_shots",
                    text: "\(Words.count(fromShots, "prompt length")) made from shots as base + shots x per-shot "
                        + "tokens (--base-tokens, --shot-tokens, or the bundled task's averages): "
                        + "no samples beside them"
                ))
        }
        return notes
    }
}

extension ImportSummary: Reporting {
    private var tasks: [String] {
        var seen: [String] = []
        for r in data.records where !seen.contains(r.observation.task ?? "") { seen.append(r.observation.task ?? "") }
        return seen.filter { !$0.isEmpty }
    }

    private func datasets(of task: String) -> [String] {
        var seen: [String] = []
        for r in data.records where r.observation.task == task && !r.dataset.isEmpty && !seen.contains(r.dataset) {
            seen.append(r.dataset)
        }
        return seen
    }

    /// Text: what was read, the records by model and shot count (a model a row, a shot count a
    /// column), what was skipped or passed over, and where the records were written. JSON and
    /// CSV give the counts one (model, shots) pair a row.
    var report: Report {
        let formats = ResultsFormat.allCases.compactMap { format -> String? in
            let n = data.files.filter { $0.format == format }.count
            return n > 0 ? "\(n) \(format.rawValue)" : nil
        }.joined(separator: ", ")
        let named = tasks.map { task in
            let sets = datasets(of: task).filter { $0 != task }
            return sets.isEmpty ? task : "\(task) (\(sets.joined(separator: ", ")))"
        }
        let passedOver = data.passedOver
        return Report([
            Field(
                "records", .integer(data.rowCount),
                text: .line(
                    "read \(Words.count(data.rowCount, "record")) from \(Words.count(data.files.count, "file")) "
                        + "(\(formats))")),
            Field(
                "files",
                .reports(
                    data.files.map {
                        Report([
                            Field("path", .string($0.path)), Field("format", .string($0.format.rawValue)),
                            Field("records", .integer($0.records)),
                        ])
                    })),
            Field(
                "tasks",
                .reports(
                    tasks.map { task in
                        Report([
                            Field("task", .string(task)),
                            Field("datasets", .json(.array(datasets(of: task).map(JSON.string)))),
                        ])
                    }),
                text: named.isEmpty ? .none : .field("tasks", StyledText(named.joined(separator: ", ")))),
            Field("models", .json(.array(models.map(JSON.string)))),
            Field("shots", .json(.array(shots.map { $0.map(JSON.integer) ?? .null }))),
            .line("records by model and shot count:"),
            Field(nil, .table(byModel), text: .inPlace),
            Field("counts", .table(counts)),
            data.skipped.isEmpty
                ? Field(nil, .null)
                : .line("skipped \(Words.count(data.skipped.count, "file")) that could not be read (--skip-bad):"),
            Field(
                "skipped",
                .reports(
                    data.skipped.map {
                        Report([
                            Field("path", .string($0.file)),
                            Field("reason", .string($0.reason.description), text: .line("  " + $0.reason.description)),
                        ])
                    }), text: .inPlace),
            Field(
                "not_results", .json(.array(passedOver.map(JSON.string))),
                text: passedOver.isEmpty
                    ? .none
                    : .line(
                        "passed over \(Words.count(passedOver.count, "file")) that \(passedOver.count == 1 ? "is" : "are") "
                            + "not results (a JSON in no results format, a CSV without a score column): "
                            + passedOver.joined(separator: ", "))),
            Field("estimated_prompts", .integer(data.estimatedPrompts)),
            Field("chars_per_token", .count(data.charsPerToken)),
            Field(
                "written", .string(written), text: written.map { .line("wrote \($0): fit reads it as it is") } ?? .none),
            .notes(ImportNote.notes(self)),
        ])
    }

    /// The records of each (model, shot count) that has any.
    private var counts: ReportTable {
        ReportTable(
            columns: [
                .init(key: "model", header: nil), .init(key: "shots", header: nil), .init(key: "records", header: nil),
            ],
            rows: models.flatMap { model in
                shots.filter { count(model: model, shots: $0) > 0 }.map { s in
                    [.init(.string(model)), .init(.integer(s)), .init(.integer(count(model: model, shots: s)))]
                }
            })
    }

    /// The counts as text shows them: a model a row, a shot count a column, and the model's total.
    private var byModel: ReportTable {
        ReportTable(
            columns: [.init(key: "model", header: "model", isWords: true)]
                + shots.map { .init(key: Self.shotsLabel($0), header: Self.shotsLabel($0)) }
                + [.init(key: "total", header: "total")],
            rows: models.map { model in
                let cells = shots.map { s -> ReportTable.Cell in
                    let n = count(model: model, shots: s)
                    return .init(.integer(n), text: StyledText(n == 0 ? "" : Fmt.number(Double(n))))
                }
                let total = shots.reduce(0) { $0 + count(model: model, shots: $1) }
                return [.init(.string(model))] + cells + [
                    .init(.integer(total), text: StyledText(Fmt.number(Double(total))))
                ]
            }, isCSV: false)
    }

    private static func shotsLabel(_ shots: Int?) -> String { shots.map(String.init) ?? "n_pmt" }
}

extension ImportError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .noSuchPath(let path): return "\(path): no such file or folder"
        case .unreadable(let file): return "\(file): cannot be read as UTF-8 text"
        case .notJSON(let file): return "\(file): not a JSON object; expected a results file"
        case .jsonSyntax(let file, let line, let column, let expected):
            return "\(file):\(line):\(column): not valid JSON; expected \(Self.words(expected))"
        case .skippedFiles(let skipped):
            return Self.unreadable(skipped) + "; pass --skip-bad to import the rest"
        case .nothingRead(let paths):
            return "\(paths.joined(separator: ", ")): no records read; expected at least one score"
        case .unknownFormat(let file):
            return "\(file): not a results file ctxplan knows; expected the paper's evaluation output "
                + "(instances, n_shots) or lm-evaluation-harness results (results, config)"
        case .missingField(let file, let field): return "\(file): no '\(field)'"
        case .emptyList(let file, let field): return "\(file): '\(field)' is empty; expected at least one entry"
        case .badField(let file, let field, let expected):
            return "\(file): '\(field)' is not \(Self.words(expected))"
        case .percentScale(let file, let field, let value):
            return "\(file): '\(field)' is \(Quantities.trimmed(String(format: "%.6g", value))), above 1: the scores "
                + "look like percentages (0-100); pass --percent to read them as such"
        case .scoreOutOfRange(let file, let field, let value):
            return
                "\(file): '\(field)' is \(Quantities.trimmed(String(format: "%.6g", value))); "
                + "expected a score in [0, 1]"
        case .unknownModels(let models, let unreadable):
            let each = models.map { m -> String in
                var facts = [m.file]
                if let preset = m.preset { facts.append("preset \(preset) publishes no pre-training tokens") }
                if let embedded = m.parametersWithEmbeddings {
                    facts.append(
                        "the file gives \(Quantities.formatCount(embedded)) parameters, embeddings included: "
                            + "not the non-embedding count the law uses")
                }
                return "'\(m.name)' (\(facts.joined(separator: "; ")))"
            }
            let named =
                models.count == 1
                ? "unknown model " + each[0] : "\(models.count) unknown models: " + each.joined(separator: ", ")
            return "\(named); add \(models.count == 1 ? "it" : "them") to a model table and pass --models FILE, "
                + "a CSV with the columns name,params,tokens,n_ctx (non-embedding parameters, training tokens, "
                + "context limit; or a config column with a config.json path), or add model presets; "
                + "--models-template FILE writes the table to fill in"
                + (unreadable.isEmpty ? "" : "; and " + Self.unreadable(unreadable) + " (--skip-bad passes over them)")
        case .noModelName(let file):
            return "\(file): names no model (no pretrained= in config.model_args, no model_name)"
        case .unknownMetric(let file, let task, let metric, let available):
            return "\(file): task \(task) has no metric '\(metric)'; it has \(available.joined(separator: ", "))"
        case .noPromptLength(let file, let task, let shots):
            return "\(file): no prompt length for \(task) at \(Words.count(shots, "shot")): no samples_\(task)_*.jsonl "
                + "beside it (--log_samples); pass --base-tokens B --shot-tokens S (n_pmt = B + shots x S)"
        case .taskNotFound(let task, let available):
            return "no records of task '\(task)'; the files hold \(available.joined(separator: ", "))"
        case .noResults(let paths):
            return "\(paths.joined(separator: ", ")): no results files (.csv, or .json in a known format)"
        case .modelTableColumns(let file, let header):
            return
                "\(file):1: expected the columns name,params,tokens,n_ctx (or config for params and n_ctx); the header has "
                + header.joined(separator: ",")
        case .modelTableDuplicate(let file, let line, let name):
            return "\(file):\(line): model '\(name)' is named twice; expected each model once"
        case .outputExists(let path): return "'\(path)' exists; pass --force to replace it"
        }
    }

    /// Files that could not be read, each with why, on one line: an error is printed as one.
    private static func unreadable(_ skipped: [SkippedFile]) -> String {
        let listed = skipped.map(\.reason.description).joined(separator: "; ")
        return "\(Words.count(skipped.count, "file")) could not be read: \(listed)"
    }

    private static func words(_ expected: JSONExpectation) -> String {
        switch expected {
        case .value: return "a value (an object, list, text, number, true, false or null)"
        case .key: return "a quoted key"
        case .colon: return "':' after the key"
        case .commaOrEnd: return "',' or the closing bracket"
        case .endOfText: return "the end of the file after the value"
        case .moreText: return "more text: the file ends early (truncated?)"
        case .nonEmptyText: return "a value: the file is empty"
        case .closingQuote: return "a closing quote"
        case .escape: return "a valid escape (\\n, \\\", \\u0041, ...)"
        case .digit: return "a digit"
        case .utf8: return "UTF-8 text"
        case .noControlCharacter: return "no control character inside text (escape it)"
        case .shallowerNesting: return "at most \(512) levels of nesting"
        }
    }

    private static func words(_ expected: ExpectedValue) -> String {
        switch expected {
        case .number: return "a number"
        case .text: return "text"
        case .object: return "an object"
        case .list: return "a list"
        case .wholeNumber: return "a whole number"
        }
    }
}

extension MissingTokenLengths: CustomStringConvertible {
    public var description: String {
        "task \(task) has no token lengths for shots (it was fitted on prompt lengths alone); ask in prompt "
            + "tokens (--prompt-tokens), or refit on results that give shot counts and prompt lengths"
    }
}

/// The description a saved preset carries: what data it was fitted to, in words.
enum FitDataDescription {
    static func text(report: FitReport, imported: ImportedData?, layout: PromptLayout?) -> String {
        let records = report.records
        var parts = [report.presetDescription]
        guard let imported else { return parts[0] }
        let formats = ResultsFormat.allCases.filter { f in imported.files.contains { $0.format == f } }
        parts.append(
            "from \(Words.count(imported.files.count, "file")) (\(formats.map(\.rawValue).joined(separator: ", ")))")
        var models: [String] = []
        for r in records where !models.contains(r.model ?? "") { models.append(r.model ?? "") }
        let shown = models.filter { !$0.isEmpty }
        if !shown.isEmpty {
            let more = shown.count > 4 ? " and \(shown.count - 4) more" : ""
            parts.append("models " + shown.prefix(4).joined(separator: ", ") + more)
        }
        let shots = records.compactMap(\.shots)
        if let low = shots.min(), let high = shots.max() { parts.append("shots \(low)..\(high)") }
        let sources = imported.promptSources
        if sources == [.measured] {
            parts.append("prompt lengths as the files give them")
        } else if sources.contains(.estimated) {
            let ratio = Quantities.trimmed(String(format: "%.3g", imported.charsPerToken))
            parts.append("prompt lengths partly estimated at \(ratio) characters per token")
        }
        if layout == nil { parts.append("no token lengths for shots") }
        return parts.joined(separator: "; ")
    }
}
