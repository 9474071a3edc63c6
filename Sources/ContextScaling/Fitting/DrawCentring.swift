#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bootstrap draws moved so that their centre is a given law: one distribution behind a point
/// answer and its interval.
///
/// A bundled task's point answers come from the paper's Table 4, its draws from refits of the
/// paper's Tables 8-10, and the two centres differ: left apart, a printed point can fall outside
/// its own interval. Each draw is therefore shifted, in coordinates where the law has no flat
/// direction (`IdentifiableCoordinates`' log arguments at a reference compute and prompt, the
/// logs of log-scaled parameters, the rest as they are), by the law's coordinates minus the
/// draws' median. The spread of the draws, and how their parameters move together, is kept.
public enum DrawCentring {
    /// `draws` centred on `law`; unchanged when they are of another form.
    public static func centre(
        _ draws: [ContextScalingLaw], on law: ContextScalingLaw, logComputeReference: Double,
        logPromptReference: Double
    ) -> [ContextScalingLaw] {
        guard !draws.isEmpty, draws.allSatisfy({ $0.form == law.form }) else { return draws }
        let map = Coordinates(
            form: law.form, logComputeReference: logComputeReference, logPromptReference: logPromptReference)
        let target = map.coordinates(law.values)
        let columns = draws.map { map.coordinates($0.values) }
        let shift = target.indices.map { j in target[j] - DrawStatistics.quantile(columns.map { $0[j] }, 0.5) }
        return zip(draws, columns).map { draw, z in
            var centred = draw
            centred.values = map.values(zip(z, shift).map { $0 + $1 }, scales: draw.values)
            return centred
        }
    }

    /// The centring coordinates of one form. What each parameter is (a trade-off's coefficient,
    /// its scale, a log- or linear-scaled parameter) is looked up by index in arrays made once:
    /// 400 draws' 2,400 values were each a dictionary and a set look-up.
    struct Coordinates {
        let parameters: [LawParameter]
        /// For each parameter that is a trade-off's coefficient: its scale, exponent and reference.
        let coefficients: [(scale: Int, exponent: Int, reference: Double)?]
        /// The coefficients' indices, in the order the trade-offs list them.
        let coefficientIndices: [Int]
        let isScale: [Bool]

        init(form: AnyLawForm, logComputeReference: Double, logPromptReference: Double) {
            parameters = form.parameters
            var coefficients = [(scale: Int, exponent: Int, reference: Double)?](repeating: nil, count: parameters.count)
            var isScale = [Bool](repeating: false, count: parameters.count)
            var indices: [Int] = []
            for t in form.base.scaleTradeOffs {
                let reference = t.variable == .compute ? logComputeReference : logPromptReference
                if coefficients[t.coefficient] == nil { indices.append(t.coefficient) }
                coefficients[t.coefficient] = (t.scale, t.exponent, reference)
                isScale[t.scale] = true
            }
            self.coefficients = coefficients
            coefficientIndices = indices
            self.isScale = isScale
        }

        /// One coordinate per parameter; a trade-off's scale keeps its own value (it moves
        /// nothing once its coefficient's log argument is fixed).
        func coordinates(_ v: [Double]) -> [Double] {
            v.indices.map { j in
                if let t = coefficients[j] { return log(v[j]) + v[t.exponent] * (t.reference - log(v[t.scale])) }
                if isScale[j] { return v[j] }
                return parameters[j].scale == .log10 ? log(v[j]) : v[j]
            }
        }

        /// Values at coordinates `z`, each trade-off's scale taken from `scales` (the draw's
        /// own); exponents and linear parameters held within the search's range, so that a
        /// shifted draw stays a law of the form.
        func values(_ z: [Double], scales own: [Double]) -> [Double] {
            var v = z.indices.map { j -> Double in
                if coefficients[j] != nil || isScale[j] { return own[j] }
                let p = parameters[j]
                return p.scale == .log10 ? exp(z[j]) : min(max(z[j], p.searchLower), p.upper)
            }
            // Each coefficient's value reads its exponent and scale, neither a coefficient. Where
            // the draw's own scale would put the coefficient past its upper bound (a draw at B =
            // 100 moved to a smaller exponent), the scale moves along the ridge instead, which
            // changes no prediction: ln coefficient = k + exponent ln scale.
            for j in coefficientIndices {
                guard let t = coefficients[j] else { continue }
                let exponent = v[t.exponent]
                v[j] = exp(z[j] - exponent * (t.reference - log(v[t.scale])))
                let (scale, coefficient) = (parameters[t.scale], parameters[j])
                guard v[j] > coefficient.upper, exponent > 0 else { continue }
                let k = z[j] - exponent * t.reference
                let logScale = max((log(coefficient.upper) - k) / exponent, log(scale.searchLower))
                v[t.scale] = min(exp(logScale), scale.upper)
                v[j] = min(exp(k + exponent * logScale), coefficient.upper)
            }
            return v
        }
    }
}
