/// Differential evolution (Storn and Price, 1997), the global search of the paper's procedure:
/// the 'best/1/bin' strategy with dithered mutation and a Latin-hypercube start, as SciPy's
/// `differential_evolution` uses by default, within box bounds.
public struct DifferentialEvolution: Sendable {
    /// Population members per coordinate (SciPy's `popsize`).
    public var populationPerDimension = 15
    public var maxGenerations = 1000
    /// Stop when the spread of the population's objective values is this small relative to
    /// their mean (SciPy's `tol`), or below `absoluteTolerance`.
    public var relativeTolerance = 1e-7
    public var absoluteTolerance = 1e-14
    /// The mutation factor is drawn from this range each generation (dithering).
    public var mutation: ClosedRange<Double> = 0.5...1.0
    public var crossover = 0.7
    /// Asked once a generation; a requested stop ends the search with the population so far.
    public var cancellation = Cancellation.never

    public init() {}

    public struct Result: Sendable {
        /// Members sorted by objective, best first.
        public var population: [[Double]]
        public var values: [Double]
        public var generations: Int
        public var evaluations: Int
        public var best: [Double] { population[0] }
        public var bestValue: Double { values[0] }
    }

    public func minimize(
        lower: [Double], upper: [Double], seed: UInt64, _ objective: ([Double]) -> Double
    ) -> Result {
        let d = lower.count
        // Nothing to search: the one point there is.
        guard d > 0 else { return Result(population: [[]], values: [objective([])], generations: 0, evaluations: 1) }
        let size = max(5, populationPerDimension * d)
        var rng = SeededGenerator(seed: seed)
        // Latin hypercube: each coordinate's range cut into `size` strata, one member per stratum.
        var population = [[Double]](repeating: [Double](repeating: 0, count: d), count: size)
        for j in 0..<d {
            var strata = Array(0..<size)
            strata.shuffle(using: &rng)
            for i in 0..<size {
                let u = (Double(strata[i]) + rng.unit()) / Double(size)
                population[i][j] = lower[j] + u * (upper[j] - lower[j])
            }
        }
        var values = population.map(objective)
        var evaluations = size
        // The population has at least five members, so there is always a best.
        var bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
        var generation = 0
        var trial = [Double](repeating: 0, count: d)
        while generation < maxGenerations, !cancellation.isRequested {
            generation += 1
            let f = mutation.lowerBound + rng.unit() * (mutation.upperBound - mutation.lowerBound)
            for i in 0..<size {
                var r1 = 0
                var r2 = 0
                repeat { r1 = Int(rng.next() % UInt64(size)) } while r1 == i
                repeat { r2 = Int(rng.next() % UInt64(size)) } while r2 == i || r2 == r1
                let forced = Int(rng.next() % UInt64(d))
                let best = population[bestIndex]
                for j in 0..<d {
                    if j == forced || rng.unit() < crossover {
                        var v = best[j] + f * (population[r1][j] - population[r2][j])
                        // Out of bounds: a fresh uniform draw, as SciPy does.
                        if v < lower[j] || v > upper[j] { v = lower[j] + rng.unit() * (upper[j] - lower[j]) }
                        trial[j] = v
                    } else {
                        trial[j] = population[i][j]
                    }
                }
                let value = objective(trial)
                evaluations += 1
                if value <= values[i] {
                    population[i] = trial
                    values[i] = value
                    if value < values[bestIndex] { bestIndex = i }
                }
            }
            if converged(values) { break }
        }
        let order = values.indices.sorted { values[$0] < values[$1] }
        return Result(
            population: order.map { population[$0] }, values: order.map { values[$0] },
            generations: generation, evaluations: evaluations)
    }

    private func converged(_ values: [Double]) -> Bool {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        guard mean.isFinite else { return false }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        return variance.squareRoot() <= absoluteTolerance + relativeTolerance * abs(mean)
    }
}
