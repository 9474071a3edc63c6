#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Coordinates in which a law has no flat direction: the fit's global search and final
/// refinement work in them, and the point a fit reports is read from them.
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
/// of the data's distinct values, which keeps a and alpha from trading off.
///
/// A point maps back to the search's coordinates on its flat line at the scale that equals the
/// reference (Cc the data's middle compute, nc its middle prompt length), so that A and B are
/// each term's argument there; where the coefficient's bounds forbid that, at the nearest scale
/// they allow. The data cannot choose a point on the line, so the fit reports this one
/// (`canonical`): the same parameters from every seed and every search that finds the minimum.
struct IdentifiableCoordinates {
    let space: ParameterSpace
    let tradeOffs: [ScaleTradeOff]
    /// The natural log of each trade-off's reference value of its variable.
    let references: [Double]
    /// The search coordinates kept, in order: all but the trade-offs' scales.
    let kept: [Int]
    /// Per trade-off, the natural logs of its coefficient's and its scale's bounds.
    private let logBounds: [(coefficient: ClosedRange<Double>, scale: ClosedRange<Double>)]
    /// Per search coordinate, whether it is a log10 (`LawParameter.coordinate`, unrolled).
    private let isLog10: [Bool]

    init(space: ParameterSpace, data: CompiledRecords) {
        self.space = space
        tradeOffs = space.form.base.scaleTradeOffs
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(max(1, v.count)) }
        // Over distinct compute values, in the data's order: one reached by two splits of N
        // and D counts once.
        var seen = Set<Double>()
        let computeReference = mean(data.logCompute.filter { seen.insert($0).inserted })
        let promptReference = mean(data.logPrompt)
        references = tradeOffs.map { $0.variable == .compute ? computeReference : promptReference }
        let scales = Set(tradeOffs.map(\.scale))
        kept = space.lower.indices.filter { !scales.contains($0) }
        func logs(_ j: Int) -> ClosedRange<Double> {
            log(space.parameters[j].value(space.lower[j]))...log(space.parameters[j].value(space.upper[j]))
        }
        logBounds = tradeOffs.map { (logs($0.coefficient), logs($0.scale)) }
        isLog10 = space.parameters.map { $0.scale == .log10 }
    }

    /// The global search's box: a trade-off's log argument at the reference from -20 (a term
    /// of e^-20, 2e-9: no effect) to 10 (1 - e^-22026: saturated), the rest as in the search's
    /// coordinates. The refinements that follow the search work in the full box.
    var searchLower: [Double] { bounds(space.lower, logArgument: -20) }

    var searchUpper: [Double] { bounds(space.upper, logArgument: 10) }

    /// The point the fit reports for search coordinates `x`: the same predictions, on x's flat
    /// line at the reference scales.
    func canonical(_ x: [Double]) -> [Double] { tradeOffs.isEmpty ? x : point(coordinates(x)) }

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
        point(z, into: &x)
        return x
    }

    /// `point(z)` written into `x`, which has the search's dimension: the global search maps
    /// every trial, and this allocates nothing.
    func point(_ z: [Double], into x: inout [Double]) {
        for (k, j) in kept.enumerated() { x[j] = z[k] }
        for (t, tradeOff) in tradeOffs.enumerated() {
            let exponent = x[tradeOff.exponent]
            let k = x[tradeOff.coefficient] - exponent * references[t]
            // ln coefficient = k + exponent ln scale must lie within the coefficient's bounds.
            let (c, s) = (tradeOff.coefficient, tradeOff.scale)
            let (coefficientBounds, scaleBounds) = logBounds[t]
            let low = max(scaleBounds.lowerBound, (coefficientBounds.lowerBound - k) / exponent)
            let high = min(scaleBounds.upperBound, (coefficientBounds.upperBound - k) / exponent)
            let reference = references[t]
            let logScale =
                low <= high
                ? min(max(reference, low), high) : min(max(reference, scaleBounds.lowerBound), scaleBounds.upperBound)
            x[c] = coordinate(c, exp(k + exponent * logScale))
            x[s] = coordinate(s, exp(logScale))
        }
        for j in x.indices { x[j] = min(max(x[j], space.lower[j]), space.upper[j]) }
    }

    private func coordinate(_ j: Int, _ value: Double) -> Double { isLog10[j] ? log10(value) : value }

    /// The value of parameter `j` at search coordinates `x`.
    private func value(_ j: Int, _ x: [Double]) -> Double { space.parameters[j].value(x[j]) }
}
