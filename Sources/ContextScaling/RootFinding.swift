#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One-dimensional solvers the inverse questions are built on.
public enum RootFinding {
    /// A root of f in [a, b], where f(a) and f(b) differ in sign, by Brent's method: bisection's
    /// guarantee with the speed of inverse quadratic interpolation where f is smooth.
    /// Stops when the bracket is narrower than `tolerance` (absolute, in x).
    /// Returns nil when [a, b] does not bracket a sign change.
    public static func brent(
        in interval: ClosedRange<Double>, tolerance: Double = 1e-12, maxIterations: Int = 200,
        _ f: (Double) -> Double
    ) -> Double? {
        var a = interval.lowerBound
        var b = interval.upperBound
        var fa = f(a)
        var fb = f(b)
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard fa.sign != fb.sign, fa.isFinite, fb.isFinite else { return nil }
        var c = a
        var fc = fa
        var d = b - a
        var e = d
        for _ in 0..<maxIterations {
            if (fb > 0) == (fc > 0) {
                c = a
                fc = fa
                d = b - a
                e = d
            }
            if abs(fc) < abs(fb) {
                a = b
                b = c
                c = a
                fa = fb
                fb = fc
                fc = fa
            }
            let tol = 2 * Double.ulpOfOne * abs(b) + 0.5 * tolerance
            let m = 0.5 * (c - b)
            if abs(m) <= tol || fb == 0 { return b }
            if abs(e) >= tol && abs(fa) > abs(fb) {
                // Interpolate: secant when only two points are distinct, inverse quadratic otherwise.
                let s = fb / fa
                var p: Double
                var q: Double
                if a == c {
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    let qa = fa / fc
                    let r = fb / fc
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = m
                    e = m
                }
            } else {
                d = m
                e = m
            }
            a = b
            fa = fb
            b += abs(d) > tol ? d : (m > 0 ? tol : -tol)
            fb = f(b)
        }
        return b
    }

    /// The maximiser of a unimodal f on [a, b] by golden-section search, to `tolerance` in x.
    public static func goldenSectionMaximum(
        in interval: ClosedRange<Double>, tolerance: Double = 1e-10,
        _ f: (Double) -> Double
    ) -> Double {
        let invPhi = (sqrt(5.0) - 1) / 2
        var a = interval.lowerBound
        var b = interval.upperBound
        var x1 = b - invPhi * (b - a)
        var x2 = a + invPhi * (b - a)
        var f1 = f(x1)
        var f2 = f(x2)
        while b - a > tolerance {
            if f1 < f2 {
                a = x1
                x1 = x2
                f1 = f2
                x2 = a + invPhi * (b - a)
                f2 = f(x2)
            } else {
                b = x2
                x2 = x1
                f2 = f1
                x1 = b - invPhi * (b - a)
                f1 = f(x1)
            }
        }
        return f1 < f2 ? x2 : x1
    }
}
