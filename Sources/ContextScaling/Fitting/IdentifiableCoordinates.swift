#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Coordinates in which Eq. (1) has no flat direction, for the fit's final refinement.
///
/// The law sees A and Cc only through A (C/Cc)^alpha = exp(ln A - alpha ln Cc + alpha ln C):
/// moving along A t^alpha, Cc t changes no prediction, and likewise B and nc. In the search's
/// coordinates the sum of squares is therefore exactly flat along two directions, and where the
/// flat line meets a bound (Cc at 1e30, say) a refinement crawls along the box and stops short,
/// each seed at a different place. Here the terms are instead
///
///     a = ln A + alpha (ln C_ref - ln Cc),  the log of the compute term's argument at C_ref,
///     b = ln B + beta (ln n_ref - ln nc),   the same for the context term at n_ref,
///
/// with alpha, beta (and the form's extra parameters, after them) as they are. The references are geometric
/// means of the data's distinct values, which keeps a and alpha from trading off. A point maps
/// back to the search's coordinates with Cc and nc as close to the preferred ones as the bounds
/// on A and B allow.
struct IdentifiableCoordinates {
    let space: ParameterSpace
    let logComputeReference: Double
    let logPromptReference: Double
    /// Natural logs of the Cc and nc to keep where the bounds allow (the starting point's).
    let preferredLogCc: Double
    let preferredLogNc: Double

    init(space: ParameterSpace, data: CompiledRecords, preferring start: [Double]) {
        self.space = space
        logComputeReference = data.logCompute.reduce(0, +) / Double(max(1, data.logCompute.count))
        logPromptReference = data.logPrompt.reduce(0, +) / Double(max(1, data.logPrompt.count))
        preferredLogCc = start[1] * M_LN10
        preferredLogNc = start[4] * M_LN10
    }

    /// Bounds of the identifiable coordinates: a and b over every value that matters (an
    /// argument of e^-100 or e^100 has long since saturated), the exponents as in the search.
    var lower: [Double] { [-100, space.lower[2], -100, space.lower[5]] + space.lower[extras...] }

    var upper: [Double] { [100, space.upper[2], 100, space.upper[5]] + space.upper[extras...] }

    /// Where the form's extra parameters start, in the search's coordinates.
    private var extras: Int { LawParameter.shared.count }

    /// The identifiable coordinates of search coordinates `x`.
    func coordinates(_ x: [Double]) -> [Double] {
        [
            log(x[0]) + x[2] * (logComputeReference - x[1] * M_LN10), x[2],
            log(x[3]) + x[5] * (logPromptReference - x[4] * M_LN10), x[5],
        ] + x[extras...]
    }

    /// Search coordinates with the same predictions as `z`, within the search's box; where no
    /// point in the box has them, the nearest corner (a refinement sees no gain out there).
    func point(_ z: [Double]) -> [Double] {
        let (A, log10Cc) = split(
            logArgument: z[0], exponent: z[1], reference: logComputeReference, preferred: preferredLogCc,
            coefficient: 0, scale: 1)
        let (B, log10Nc) = split(
            logArgument: z[2], exponent: z[3], reference: logPromptReference, preferred: preferredLogNc,
            coefficient: 3, scale: 4)
        return space.clamp([A, log10Cc, z[1], B, log10Nc, z[3]] + z[4...])
    }

    /// A coefficient and log10 scale with ln coefficient - exponent ln scale equal to
    /// logArgument - exponent x reference, the scale as near `preferred` as the bounds allow.
    private func split(
        logArgument: Double, exponent: Double, reference: Double, preferred: Double, coefficient: Int, scale: Int
    ) -> (Double, Double) {
        let k = logArgument - exponent * reference
        // ln coefficient = k + exponent ln scale must lie within the coefficient's bounds.
        let low = max(space.lower[scale] * M_LN10, (log(space.lower[coefficient]) - k) / exponent)
        let high = min(space.upper[scale] * M_LN10, (log(space.upper[coefficient]) - k) / exponent)
        let logScale =
            low <= high
            ? min(max(preferred, low), high)
            : min(max(preferred, space.lower[scale] * M_LN10), space.upper[scale] * M_LN10)
        return (exp(k + exponent * logScale), logScale / M_LN10)
    }
}
