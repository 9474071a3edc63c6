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

    /// The centring coordinates of one form.
    struct Coordinates {
        let parameters: [LawParameter]
        /// For each trade-off's coefficient index: its scale, exponent and reference.
        let coefficients: [Int: (scale: Int, exponent: Int, reference: Double)]
        let scales: Set<Int>

        init(form: AnyLawForm, logComputeReference: Double, logPromptReference: Double) {
            parameters = form.parameters
            var coefficients: [Int: (Int, Int, Double)] = [:]
            for t in form.base.scaleTradeOffs {
                let reference = t.variable == .compute ? logComputeReference : logPromptReference
                coefficients[t.coefficient] = (t.scale, t.exponent, reference)
            }
            self.coefficients = coefficients
            scales = Set(form.base.scaleTradeOffs.map(\.scale))
        }

        /// One coordinate per parameter; a trade-off's scale keeps its own value (it moves
        /// nothing once its coefficient's log argument is fixed).
        func coordinates(_ v: [Double]) -> [Double] {
            v.indices.map { j in
                if let t = coefficients[j] { return log(v[j]) + v[t.exponent] * (t.reference - log(v[t.scale])) }
                if scales.contains(j) { return v[j] }
                return parameters[j].scale == .log10 ? log(v[j]) : v[j]
            }
        }

        /// Values at coordinates `z`, each trade-off's scale taken from `scales` (the draw's
        /// own); exponents and linear parameters held within the search's range, so that a
        /// shifted draw stays a law of the form.
        func values(_ z: [Double], scales own: [Double]) -> [Double] {
            var v = z.indices.map { j -> Double in
                if coefficients[j] != nil || scales.contains(j) { return own[j] }
                let p = parameters[j]
                return p.scale == .log10 ? exp(z[j]) : min(max(z[j], p.searchLower), p.upper)
            }
            for (j, t) in coefficients {
                v[j] = exp(z[j] - v[t.exponent] * (t.reference - log(v[t.scale])))
            }
            return v
        }
    }
}
