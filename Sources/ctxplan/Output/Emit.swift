import Foundation
import Planner

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
    /// A level or share as a percentage, to one decimal ("80%", "62.5%") or as many more as it
    /// takes not to round to 0% or 100% a percentage strictly between them ("99.99999999%").
    static func level(_ percent: Double) -> String {
        var decimals = 1
        func shown() -> String { String(format: "%.\(decimals)f", percent) }
        while decimals < 17, percent > 0, percent < 100, Double(shown()) == 0 || Double(shown()) == 100 {
            decimals += 1
        }
        return Quantities.trimmed(shown()) + "%"
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
