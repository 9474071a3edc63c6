#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Coordinates in which a law has no flat direction, for the fit's final refinement.
///
/// Eq. (1) sees A and Cc only through A (C/Cc)^alpha = exp(ln A - alpha ln Cc + alpha ln C):
/// moving along A t^alpha, Cc t changes no prediction, and likewise B and nc (a form lists such
/// trios as its `scaleTradeOffs`). In the search's coordinates the sum of squares is therefore
/// exactly flat along those directions, and where the flat line meets a bound (Cc at 1e30, say)
/// a refinement crawls along the box and stops short, each seed at a different place. Here each
/// trio's coefficient and scale are replaced by one coordinate,
///
///     a = ln A + alpha (ln C_ref - ln Cc),  the log of the term's argument at C_ref,
///
/// with the exponent and every other parameter as they are. The references are geometric means
/// of the data's distinct values, which keeps a and alpha from trading off. A point maps back to
/// the search's coordinates with the scale as close to the preferred one as the coefficient's
/// bounds allow.
struct IdentifiableCoordinates {
    let space: ParameterSpace
    let tradeOffs: [ScaleTradeOff]
    /// The natural log of each trade-off's reference value of its variable.
    let references: [Double]
    /// Natural logs of the scales to keep where the bounds allow (the starting point's).
    let preferredLogScales: [Double]
    /// The search coordinates kept, in order: all but the trade-offs' scales.
    let kept: [Int]

    init(space: ParameterSpace, data: CompiledRecords, preferring start: [Double]) {
        self.space = space
        tradeOffs = space.form.base.scaleTradeOffs
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(max(1, v.count)) }
        let computeReference = mean(data.logCompute)
        let promptReference = mean(data.logPrompt)
        references = tradeOffs.map { $0.variable == .compute ? computeReference : promptReference }
        preferredLogScales = tradeOffs.map { log(space.parameters[$0.scale].value(start[$0.scale])) }
        let scales = Set(tradeOffs.map(\.scale))
        kept = space.lower.indices.filter { !scales.contains($0) }
    }

    /// Bounds of the identifiable coordinates: a trade-off's log argument over every value that
    /// matters (an argument of e^-100 or e^100 has long since saturated), the rest as searched.
    var lower: [Double] { bounds(space.lower, logArgument: -100) }

    var upper: [Double] { bounds(space.upper, logArgument: 100) }

    private func bounds(_ box: [Double], logArgument: Double) -> [Double] {
        let coefficients = Set(tradeOffs.map(\.coefficient))
        return kept.map { coefficients.contains($0) ? logArgument : box[$0] }
    }

    /// The identifiable coordinates of search coordinates `x`.
    func coordinates(_ x: [Double]) -> [Double] {
        var z = x
        for (t, tradeOff) in tradeOffs.enumerated() {
            let logCoefficient = log(value(tradeOff.coefficient, x))
            let logScale = log(value(tradeOff.scale, x))
            z[tradeOff.coefficient] = logCoefficient + x[tradeOff.exponent] * (references[t] - logScale)
        }
        return kept.map { z[$0] }
    }

    /// Search coordinates with the same predictions as `z`, within the search's box; where no
    /// point in the box has them, the nearest corner (a refinement sees no gain out there).
    func point(_ z: [Double]) -> [Double] {
        var x = space.lower
        for (k, j) in kept.enumerated() { x[j] = z[k] }
        for (t, tradeOff) in tradeOffs.enumerated() {
            let exponent = x[tradeOff.exponent]
            let k = x[tradeOff.coefficient] - exponent * references[t]
            // ln coefficient = k + exponent ln scale must lie within the coefficient's bounds.
            let (c, s) = (tradeOff.coefficient, tradeOff.scale)
            let scaleLow = log(value(s, space.lower)), scaleHigh = log(value(s, space.upper))
            let low = max(scaleLow, (log(value(c, space.lower)) - k) / exponent)
            let high = min(scaleHigh, (log(value(c, space.upper)) - k) / exponent)
            let preferred = preferredLogScales[t]
            let logScale =
                low <= high ? min(max(preferred, low), high) : min(max(preferred, scaleLow), scaleHigh)
            x[c] = space.parameters[c].coordinate(exp(k + exponent * logScale))
            x[s] = space.parameters[s].coordinate(exp(logScale))
        }
        return space.clamp(x)
    }

    /// The value of parameter `j` at search coordinates `x`.
    private func value(_ j: Int, _ x: [Double]) -> Double { space.parameters[j].value(x[j]) }
}
