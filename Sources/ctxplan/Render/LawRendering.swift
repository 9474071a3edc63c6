import ContextScaling
import Planner

/// A law's parameters as every command prints them: one loop over its form's parameter list.
extension ContextScalingLaw {
    /// Each parameter of the form with its value, in the form's order.
    var namedValues: [(LawParameter, Double)] { Array(zip(form.parameters, values)) }

    /// The parameters by name, keyed as preset files are: JSON `{"A": ..., "Cc": ..., ...}`.
    var parameters: Report { Report(namedValues.map { Field($0.0.name, .count($0.1)) }) }

    /// "A 9.96  Cc 9.7e29  alpha 0.2  ...", four significant figures: fit, validate, compare.
    var parametersText: String {
        namedValues.map { "\($0.0.name) \(Quantities.formatParameter($0.1))" }.joined(separator: "  ")
    }

    /// Scales (searched on log10) in scientific form, the others to four significant figures as
    /// fit prints them (a fitted preset stores every digit): show.
    var parametersDetail: String {
        namedValues.map { parameter, value in
            let text =
                parameter.scale == .log10
                ? Quantities.formatScientific(value, digits: 3) : Quantities.formatParameter(value)
            return "\(parameter.name) \(text)"
        }.joined(separator: "  ")
    }
}
