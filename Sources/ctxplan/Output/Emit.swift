import Foundation
import Planner

/// Prints an answer as text or as one JSON object: for a command not yet given a `Rendering`
/// (see `SessionCommand.render`). Such a command has no table, so `--format csv` prints nothing
/// and says so on standard error.
func emit(_ global: GlobalOptions, json: @autoclosure () -> JSON, text: @autoclosure () -> String) {
    switch Result(catching: global.outputFormat) {
    case .success(.text): print(text())
    case .success(.json): print(json().text)
    case .success(.csv):
        StandardStreams.writeErrorLine("error: this answer is not a table; expected --format text or json")
    case .failure(let error): StandardStreams.writeErrorLine("error: \(error)")
    }
}

/// Shared wording for numbers in text output.
enum Fmt {
    static func flops(_ value: Double) -> String { Quantities.formatScientific(value) + " FLOPs" }
    static func tokens(_ value: Double) -> String { Words.count(value, Quantities.formatTokens(value), "token") }
    static func score(_ value: Double) -> String { Quantities.formatScore(value) }
    static func limit(_ value: Double) -> String { Quantities.formatContext(value) }
    /// "Llama-2-7B at 4k", "Llama-2-7B extended to 16k" or "1.5e23 FLOPs at 8k".
    static func setting(_ s: Scenario) -> String {
        guard let model = s.model else { return flops(s.flops) + " at " + limit(s.nCtx) }
        return model.extendedFrom == nil ? model.name + " at " + limit(s.nCtx) : self.model(model)
    }
    /// A model by name: "Llama-2-7B", or "Llama-2-7B extended to 16k" for a preset extended
    /// past its own limit.
    static func model(_ m: ResolvedModel) -> String {
        m.extendedFrom == nil ? m.name : extended(m.name, to: m.nCtx)
    }
    static func extended(_ base: String, to nCtx: Double) -> String { base + " extended to " + limit(nCtx) }
    static func prompt(_ tokens: Double, shots: Int?) -> String {
        Self.tokens(tokens) + (shots.map { " (" + Words.count($0, "shot") + ")" } ?? "")
    }
    /// A number in the one style of the text output: three figures with a decimal suffix
    /// ("2.92K", "0.119"), in scientific notation past the suffixes ("5.24e75").
    static func number(_ value: Double) -> String { Quantities.formatCount(value) }
    /// A multiple: "1.1x", "18x", "2.6e7x".
    static func factor(_ ratio: Double) -> String {
        if !(ratio < 1e6) { return Quantities.formatScientific(ratio, digits: 2) + "x" }
        return ratio >= 10 ? "\(Int(ratio.rounded()))x" : Quantities.trimmed(String(format: "%.2g", ratio)) + "x"
    }
    /// A percentage to four figures ("0.04194%"), in the number style when far from 1.
    static func percent(_ fraction: Double) -> String {
        let value = 100 * fraction
        guard value.isFinite, abs(value) >= 1e-4, abs(value) < 1e4 else { return number(value) + "%" }
        return Quantities.trimmed(String(format: "%.4g", value)) + "%"
    }
}

extension JSON {
    static func notes(_ notes: [String]) -> JSON { .array(notes.map(JSON.string)) }
}
