import ContextScaling
import Planner

/// A law's parameters as every command prints them: one loop over its form's parameter list.
extension ContextScalingLaw {
    /// Each parameter of the form with its value, in the form's order.
    var namedValues: [(LawParameter, Double)] { Array(zip(form.parameters, values)) }

    /// `{"A": ..., "Cc": ..., ...}`, keyed as preset files are.
    var parametersJSON: JSON { .object(namedValues.map { ($0.0.name, JSON.num($0.1)) }) }

    /// "A 9.96  Cc 9.7e29  alpha 0.2  ...", four significant figures: fit, validate, compare.
    var parametersText: String {
        namedValues.map { "\($0.0.name) \(Quantities.formatParameter($0.1))" }.joined(separator: "  ")
    }

    /// The stored values in full, scales (searched on log10) in scientific form: show.
    var parametersDetail: String {
        namedValues.map { parameter, value in
            let text = parameter.scale == .log10 ? Quantities.formatScientific(value, digits: 3) : "\(value)"
            return "\(parameter.name) \(text)"
        }.joined(separator: "  ")
    }
}
