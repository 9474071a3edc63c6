/// Summaries of bootstrap draws.
public enum DrawStatistics {
    /// The q-quantile of `values` (linear between order statistics).
    public static func quantile(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        let position = q * Double(sorted.count - 1)
        let i = Int(position.rounded(.down))
        let j = min(i + 1, sorted.count - 1)
        return sorted[i] + (position - Double(i)) * (sorted[j] - sorted[i])
    }

    /// Whether two values are one up to rounding: within a trillionth of the larger magnitude. A
    /// scale every draw sets by convention, or a coefficient every draw holds at its bound, is
    /// one value rounded differently.
    public static func sameUpToRounding(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    }

    /// Pearson correlation; nil when either side does not vary beyond rounding.
    public static func correlation(_ a: [Double], _ b: [Double]) -> Double? {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n
        let mb = b.reduce(0, +) / n
        var sab = 0.0
        var saa = 0.0
        var sbb = 0.0
        for i in a.indices {
            sab += (a[i] - ma) * (b[i] - mb)
            saa += (a[i] - ma) * (a[i] - ma)
            sbb += (b[i] - mb) * (b[i] - mb)
        }
        func varies(_ v: [Double]) -> Bool { !sameUpToRounding(v.min() ?? 0, v.max() ?? 0) }
        guard saa > 0, sbb > 0, varies(a), varies(b) else { return nil }
        return sab / (saa * sbb).squareRoot()
    }
}
