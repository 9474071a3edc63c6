import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fitted law and how well it fits.
public struct FitResult: Sendable {
    public var law: ContextScalingLaw
    /// observed - predicted, per record, in the records' order.
    public var residuals: [Double]
    /// How many observations each record stands for (all 1 unless repeated rows were read as
    /// one); every statistic below weights by it.
    public var counts: [Double]
    public var sse: Double
    /// Objective evaluations spent (global search and refinement).
    public var evaluations: Int
    /// Parameters held at given values rather than estimated (a known chance floor).
    public var pinnedCount = 0

    /// `counts` nil: every record one observation.
    public init(
        law: ContextScalingLaw, residuals: [Double], counts: [Double]? = nil, sse: Double, evaluations: Int,
        pinnedCount: Int = 0
    ) {
        self.law = law
        self.residuals = residuals
        self.counts = counts ?? Array(repeating: 1, count: residuals.count)
        self.sse = sse
        self.evaluations = evaluations
        self.pinnedCount = pinnedCount
    }

    /// Observations fitted: the records' counts summed.
    public var n: Int { Int(counts.reduce(0, +)) }
    /// How many parameters the fit estimated: the criteria's k.
    public var estimatedCount: Int { law.form.parameterCount - pinnedCount }
    public var mae: Double { zip(residuals, counts).reduce(0) { $0 + abs($1.0) * $1.1 } / Double(n) }
    public var rmse: Double { (sse / Double(n)).squareRoot() }
    /// Index of the largest residual in absolute value.
    public var largestResidualIndex: Int { residuals.indices.max { abs(residuals[$0]) < abs(residuals[$1]) } ?? 0 }
    /// Akaike's and Schwarz's criteria for Gaussian errors: n ln(SSE/n) + 2k, + k ln n. A
    /// perfect fit is floored at 1e-300 in SSE/n so that the criteria stay finite.
    public var aic: Double { Double(n) * log(max(sse / Double(n), 1e-300)) + 2 * Double(estimatedCount) }
    public var bic: Double {
        Double(n) * log(max(sse / Double(n), 1e-300)) + log(Double(n)) * Double(estimatedCount)
    }
}

/// The paper's fitting procedure (Sec. 3.2): a global differential-evolution search within
/// Table 3's bounds, then a bounded least-squares refinement from its best points.
public struct Fitter: Sendable {
    public var form: AnyLawForm
    public var seed: UInt64
    /// Parameters held at given values by name (a chance floor the user knows); the rest are
    /// fitted.
    public var pinned: [String: Double] = [:]
    public var globalSearch = DifferentialEvolution.forFitting
    /// Independent global searches, each from its own seed; the best refined result wins.
    /// Two fill two cores once.
    public var searches = 2
    public var refinement = LevenbergMarquardt.forFitting
    /// The refinement starts from this many of the search's best members and keeps the best
    /// result: cheap insurance against a search that ends beside, not in, the deepest valley.
    public var refinementStarts = 2
    /// The final refinement's settings, how many distinct refined points it starts from, and
    /// how many times it may restart from its own end.
    public var polishing = LevenbergMarquardt.forPolishing
    public var polishStarts = 3
    public var polishRestarts = 4
    /// A requested stop cuts the searches, refinements and bootstrap draws short; the caller
    /// that requested it discards what comes back.
    public var cancellation = Cancellation.never {
        didSet {
            globalSearch.cancellation = cancellation
            refinement.cancellation = cancellation
            polishing.cancellation = cancellation
        }
    }

    /// Told of each finished search and bootstrap draw (the program shows it at a terminal).
    public var progress = ProgressReporter.none

    public init(form: AnyLawForm, seed: UInt64 = 0, cancellation: Cancellation = .never) {
        self.form = form
        self.seed = seed
        self.cancellation = cancellation
        globalSearch.cancellation = cancellation
        refinement.cancellation = cancellation
        polishing.cancellation = cancellation
    }

    public func fit(_ records: [FitRecord]) -> FitResult {
        let space = ParameterSpace(form: form, pinned: pinned)
        let data = CompiledRecords(records)
        // Independent searches, run side by side on the cores: a single search lands in a
        // shallower valley now and then; the best of two, each refined from its two best
        // members, did not in 40 seeds x 3 tasks x 5 laws (and 10 seeds of the ladder).
        let counter = progress.counter(.fitting, total: max(1, searches) + 1)  // the searches, then the polish
        let outcomes = parallelMap(count: max(1, searches)) { run in
            defer { counter.step() }
            return search(data, space: space, seed: seed &+ UInt64(run) &* 0x9E37_79B9_7F4A_7C15)
        }
        let refined = outcomes.flatMap(\.refined).sorted { $0.sse < $1.sse }
        let polished = polish(data, space: space, candidates: refined)
        counter.step()
        return result(
            data, space: space, x: polished.result.x,
            evaluations: outcomes.reduce(polished.evaluations) { $0 + $1.evaluations })
    }

    /// One global search and the refinements from its best members, and the objective
    /// evaluations spent.
    private func search(
        _ data: CompiledRecords, space: ParameterSpace, seed: UInt64
    ) -> (refined: [LevenbergMarquardt.Result], evaluations: Int) {
        // The search runs where the law has no flat direction (IdentifiableCoordinates): in
        // the search's own coordinates its population spread along the line where A and Cc
        // trade off, which no trial could improve, and took twice the evaluations to converge.
        let line = IdentifiableCoordinates(space: space, data: data)
        var scratch = CompiledRecords.Scratch()
        var trial = space.law(space.lower)
        var x = space.lower
        let global = globalSearch.minimize(lower: line.searchLower, upper: line.searchUpper, seed: seed) { z in
            line.point(z, into: &x)
            space.move(&trial, to: x)
            return data.sse(trial, scratch: &scratch)
        }
        var refined: [LevenbergMarquardt.Result] = []
        var bestSSE = Double.infinity
        var evaluations = global.evaluations
        for member in global.population.prefix(max(1, refinementStarts)) {
            let start = line.point(member)
            // Later starts give up once clearly behind the best so far (0.1% in sum of squares).
            let local = refine(data, space: space, from: start, giveUpAbove: bestSSE * 1.001)
            evaluations += local.iterations * (2 * space.dimension + 2)
            bestSSE = min(bestSSE, local.sse)
            refined.append(local)
        }
        return (refined, evaluations)
    }

    /// The final refinement: the short refinements stop on the flat line where A and Cc (or B
    /// and nc) trade off, and where it meets a bound they crawl and stop short, each seed at a
    /// different place (0.1% apart in sum of squares). A long, tight run in coordinates without
    /// that flat line (IdentifiableCoordinates), from the best few distinct points, restarted
    /// from its own end while that still gains, brings every seed to the same minimum.
    private func polish(
        _ data: CompiledRecords, space: ParameterSpace, candidates: [LevenbergMarquardt.Result]
    ) -> (result: LevenbergMarquardt.Result, evaluations: Int) {
        var starts: [LevenbergMarquardt.Result] = []
        for candidate in candidates where starts.count < polishStarts {
            if starts.allSatisfy({ !space.isNear($0.x, candidate.x) }) { starts.append(candidate) }
        }
        var evaluations = 0
        var best = starts.first ?? refine(data, space: space, from: space.clamp(space.lower))
        let coordinates = IdentifiableCoordinates(space: space, data: data)
        for start in starts {
            var current = start
            for _ in 0..<polishRestarts where !cancellation.isRequested {
                let next = run(polishing, data, space: space, in: coordinates, from: current.x)
                evaluations += next.iterations * (2 * coordinates.lower.count + 2)
                let gained = next.sse < current.sse * (1 - 1e-10)
                if next.sse < current.sse { current = next }
                if !gained { break }
            }
            if current.sse < best.sse { best = current }
        }
        return (best, evaluations)
    }

    /// A least-squares run of `method` in identifiable coordinates, reported in the search's.
    private func run(
        _ method: LevenbergMarquardt, _ data: CompiledRecords, space: ParameterSpace,
        in coordinates: IdentifiableCoordinates, from start: [Double]
    ) -> LevenbergMarquardt.Result {
        var scratch = CompiledRecords.Scratch()
        var predictions: [Double] = []
        var trial = space.law(start)
        var result = method.minimize(
            from: coordinates.coordinates(start), lower: coordinates.lower, upper: coordinates.upper
        ) { z in
            space.move(&trial, to: coordinates.point(z))
            return data.weightedResiduals(trial, predictions: &predictions, scratch: &scratch)
        }
        result.x = coordinates.point(result.x)
        return result
    }

    /// A fit that starts from `start` in place of the global searches: the refinement and the
    /// final polish alone. For records close to those `start` was fitted to, such as a
    /// cross-validation fold's, where a search finds the valley `start` lies in.
    public func fit(_ records: [FitRecord], from start: ContextScalingLaw) -> FitResult {
        let space = ParameterSpace(form: form, pinned: pinned)
        let data = CompiledRecords(records)
        let local = refine(data, space: space, from: space.coordinates(start))
        let polished = polish(data, space: space, candidates: [local])
        return result(
            data, space: space, x: polished.result.x,
            evaluations: local.iterations * (2 * space.dimension + 2) + polished.evaluations)
    }

    /// `count` refits of resampled clusters, each refined from `fitted`, spread over every core.
    /// `clusters[i]` names record i's cluster (its model, or its compute level): a resample
    /// draws whole clusters with replacement, because records of one model share its deviation
    /// from the law, and resampling single records would treat them as independent and give
    /// intervals too narrow (1.5-1.8x on the paper's data). Distinct clusters for every record
    /// give the record bootstrap. Deterministic for a given seed.
    public func bootstrap(
        _ records: [FitRecord], clusters: [Int], fitted: ContextScalingLaw, count: Int
    ) -> [ContextScalingLaw] {
        precondition(clusters.count == records.count, "one cluster per record")
        let seed = self.seed
        var members: [Int: [FitRecord]] = [:]
        for (record, cluster) in zip(records, clusters) { members[cluster, default: []].append(record) }
        let groups = members.keys.sorted().map { members[$0] ?? [] }
        let counter = progress.counter(.bootstrap, total: count)
        // Each draw is refined alone from the fit (resamples stay near it), and reported at the
        // point of its flat line the full data's references give, not its resample's: A, Cc and
        // alpha then vary across draws only as the data allow.
        let space = ParameterSpace(form: form, pinned: pinned)
        let start = space.coordinates(fitted)
        let line = IdentifiableCoordinates(space: space, data: CompiledRecords(records))
        return parallelMap(count: count) { i in
            defer { counter.step() }
            if cancellation.isRequested { return fitted }
            var rng = SeededGenerator(seed: seed &+ 0x5851_F42D_4C95_7F2D &* UInt64(i + 1))
            let sample = (0..<groups.count).flatMap { _ in groups[Int(rng.next() % UInt64(groups.count))] }
            let refined = refine(CompiledRecords(sample), space: space, from: start)
            return space.law(line.canonical(refined.x))
        }
    }

    private func refine(
        _ data: CompiledRecords, space: ParameterSpace, from start: [Double], giveUpAbove: Double = .infinity
    ) -> LevenbergMarquardt.Result {
        run(refinement, data, space: space, from: start, giveUpAbove: giveUpAbove)
    }

    /// A least-squares run of `method` on the residuals predicted - observed, per group
    /// weighted by the root of its count (CompiledRecords).
    private func run(
        _ method: LevenbergMarquardt, _ data: CompiledRecords, space: ParameterSpace, from start: [Double],
        giveUpAbove: Double = .infinity
    ) -> LevenbergMarquardt.Result {
        var scratch = CompiledRecords.Scratch()
        var predictions: [Double] = []
        var trial = space.law(start)
        return method.minimize(from: start, lower: space.lower, upper: space.upper, giveUpAbove: giveUpAbove) { x in
            space.move(&trial, to: x)
            return data.weightedResiduals(trial, predictions: &predictions, scratch: &scratch)
        }
    }

    /// The fit at `x`, reported at the canonical point of x's flat line (IdentifiableCoordinates):
    /// a bootstrap refit or a search that stopped elsewhere on the line reports the same
    /// parameters for the same predictions.
    private func result(_ data: CompiledRecords, space: ParameterSpace, x: [Double], evaluations: Int) -> FitResult {
        let law = space.law(IdentifiableCoordinates(space: space, data: data).canonical(x))
        let residuals = data.recordResiduals(law)
        let counts = data.recordCounts
        return FitResult(
            law: law, residuals: residuals, counts: counts,
            sse: zip(residuals, counts).reduce(0) { $0 + $1.0 * $1.0 * $1.1 }, evaluations: evaluations,
            pinnedCount: space.parameters.count - space.estimatedCount)
    }
}

extension DifferentialEvolution {
    /// The settings the fit uses: SciPy's tolerance (0.01) with a population of 6 per
    /// coordinate and a crossover of 0.9 (SciPy's default is 0.7): trials that change most
    /// coordinates at once follow a curved valley (a penalty's sharpness against the context
    /// term, say), and the search converges in half the evaluations. The refinement does the fine
    /// work; two cheap searches find the right valley more reliably than one long one (40
    /// seeds x 3 tasks x 5 laws all within 1e-9 of the best MAE).
    public static var forFitting: DifferentialEvolution {
        var search = DifferentialEvolution()
        search.populationPerDimension = 6
        search.relativeTolerance = 1e-2
        search.crossover = 0.9
        return search
    }
}

extension LevenbergMarquardt {
    /// Converged starts take 5 to 7 iterations; starts on the flat ridge where A and Cc trade
    /// off crawl for hundreds without winning, so they are cut at 30.
    public static var forFitting: LevenbergMarquardt {
        var refinement = LevenbergMarquardt()
        refinement.maxIterations = 30
        refinement.relativeTolerance = 1e-10
        return refinement
    }

    /// The final refinement of the best points: long enough to follow the A-Cc-alpha ridge to
    /// its floor, stopping only when a step gains less than 1e-14 of the sum of squares.
    public static var forPolishing: LevenbergMarquardt {
        var refinement = LevenbergMarquardt()
        refinement.maxIterations = 300
        refinement.relativeTolerance = 1e-14
        return refinement
    }
}
