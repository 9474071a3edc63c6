/// Bounded Levenberg-Marquardt least squares: the local refinement of the paper's procedure
/// (SciPy's `curve_fit`), started from the global search's best point. Steps that leave the box
/// are clamped back onto it.
public struct LevenbergMarquardt: Sendable {
    public var maxIterations = 200
    /// Stop when an accepted step lowers the sum of squares by less than this fraction.
    public var relativeTolerance = 1e-13
    /// Asked once an iteration; a requested stop returns the point reached so far.
    public var cancellation = Cancellation.never

    public init() {}

    public struct Result: Sendable {
        public var x: [Double]
        public var sse: Double
        public var iterations: Int
    }

    /// Minimises the sum of squares of `residuals(x)` within [lower, upper]. With `giveUpAbove`,
    /// a run still above that sum of squares after five iterations stops: it is headed for a
    /// result already beaten.
    public func minimize(
        from start: [Double], lower: [Double], upper: [Double], giveUpAbove: Double = .infinity,
        _ residuals: ([Double]) -> [Double]
    ) -> Result {
        let d = start.count
        func clamp(_ x: [Double]) -> [Double] { x.indices.map { min(max(x[$0], lower[$0]), upper[$0]) } }
        func sumOfSquares(_ r: [Double]) -> Double {
            let s = r.reduce(0) { $0 + $1 * $1 }
            return s.isFinite ? s : .infinity
        }
        var x = clamp(start)
        var r = residuals(x)
        var sse = sumOfSquares(r)
        var lambda = 1e-3
        var iteration = 0
        while iteration < maxIterations, !cancellation.isRequested {
            iteration += 1
            // Central differences, one-sided at a bound. The Jacobian is one flat array, column
            // j at j * rows: a fit's residuals can number tens of thousands (one per group).
            let rows = r.count
            var jacobian = [Double](repeating: 0, count: d * rows)
            for j in 0..<d {
                let h = 1e-6 * max(1, abs(x[j]))
                var up = x
                var down = x
                up[j] = min(x[j] + h, upper[j])
                down[j] = max(x[j] - h, lower[j])
                let width = up[j] - down[j]
                guard width > 0 else { continue }
                let ru = residuals(up)
                let rd = residuals(down)
                for i in 0..<rows { jacobian[j * rows + i] = (ru[i] - rd[i]) / width }
            }
            var jtj = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
            var jtr = [Double](repeating: 0, count: d)
            jacobian.withUnsafeBufferPointer { J in
                for a in 0..<d {
                    var s = 0.0
                    for i in 0..<rows { s += J[a * rows + i] * r[i] }
                    jtr[a] = s
                    for b in a..<d {
                        var t = 0.0
                        for i in 0..<rows { t += J[a * rows + i] * J[b * rows + i] }
                        jtj[a][b] = t
                    }
                }
            }
            for a in 0..<d { for b in 0..<a { jtj[a][b] = jtj[b][a] } }
            var improved = false
            while lambda < 1e16 {
                var m = jtj
                for a in 0..<d { m[a][a] += lambda * max(jtj[a][a], 1e-12) }
                guard let step = LevenbergMarquardt.solve(m, jtr.map { -$0 }) else {
                    lambda *= 10
                    continue
                }
                let candidate = clamp(zip(x, step).map(+))
                let rc = residuals(candidate)
                let sc = sumOfSquares(rc)
                if sc < sse {
                    let gain = (sse - sc) / max(sse, 1e-300)
                    x = candidate
                    r = rc
                    sse = sc
                    lambda = max(lambda / 10, 1e-12)
                    improved = gain > relativeTolerance
                    break
                }
                lambda *= 10
            }
            if !improved || (iteration >= 5 && sse > giveUpAbove) { break }
        }
        return Result(x: x, sse: sse, iterations: iteration)
    }

    /// Solves the symmetric positive definite system m x = b by Cholesky; nil if not definite.
    static func solve(_ m: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var s = m[i][j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                if i == j {
                    guard s > 0, s.isFinite else { return nil }
                    l[i][i] = s.squareRoot()
                } else {
                    l[i][j] = s / l[j][j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = b[i]
            for k in 0..<i { s -= l[i][k] * y[k] }
            y[i] = s / l[i][i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<n { s -= l[k][i] * x[k] }
            x[i] = s / l[i][i]
        }
        return x
    }
}
