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

    /// Pearson correlation; nil when either side does not vary beyond rounding (a spread of a
    /// trillionth of its mean: a scale every draw sets by convention, rounded differently).
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
        func varies(_ squares: Double, mean: Double) -> Bool { squares > n * (1e-12 * mean) * (1e-12 * mean) }
        guard saa > 0, sbb > 0, varies(saa, mean: ma), varies(sbb, mean: mb) else { return nil }
        return sab / (saa * sbb).squareRoot()
    }
}
