import Foundation
import Planner

/// Prints an answer as text or as one JSON object: for a command not yet given a `Rendering`
/// (see `SessionCommand.render`). Such a command has no table, so `--format csv` prints nothing
/// and says so on standard error.
func emit(_ global: GlobalOptions, json: @autoclosure () -> JSON, text: @autoclosure () -> String) {
    switch Result(catching: global.outputFormat) {
    case .success(.text): print(text())
    case .success(.json): print(json().text)
    case .success(.csv): StandardStreams.writeErrorLine("error: this answer is not a table; expected --format text or json")
    case .failure(let error): StandardStreams.writeErrorLine("error: " + ((error as? InputError)?.message ?? "\(error)"))
    }
}

/// Shared wording for numbers in text output.
enum Fmt {
    static func flops(_ value: Double) -> String { Quantities.formatScientific(value) + " FLOPs" }
    static func tokens(_ value: Double) -> String { Quantities.formatTokens(value) + " tokens" }
    static func score(_ value: Double) -> String { Quantities.formatScore(value) }
    static func limit(_ value: Double) -> String { Quantities.formatContext(value) }
    /// "Llama-2-7B at 4k", "Llama-2-7B extended to 16k" or "1.5e23 FLOPs at 8k".
    static func setting(_ s: Scenario) -> String {
        guard let model = s.model else { return flops(s.flops) + " at " + limit(s.nCtx) }
        return model.extendedFrom == nil ? model.name + " at " + limit(s.nCtx) : model.name
    }
    static func prompt(_ tokens: Double, shots: Int?) -> String {
        Self.tokens(tokens) + (shots.map { " (\($0) shot\($0 == 1 ? "" : "s"))" } ?? "")
    }
}

extension JSON {
    static func notes(_ notes: [String]) -> JSON { .array(notes.map(JSON.string)) }
}
