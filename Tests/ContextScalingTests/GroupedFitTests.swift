import XCTest

@testable import ContextScaling

/// The fit works on distinct (compute, prompt, limit) groups with their counts and means: the
/// sum of squares over the records is the count-weighted one over the group means plus a
/// constant, so fitting the records and fitting their groups give one law.
final class GroupedFitTests: XCTestCase {
    /// Per-instance 0/1 scores drawn from the paper's arithmetic law: 3 compute levels x 4
    /// prompt lengths x 2 limits (one prompt beyond the smaller limit), 4, 8, 16 or 32 records a
    /// group (so that every mean and every sum of means is exact in binary), shuffled so that no
    /// group's records stand together.
    func perInstanceRecords(seed: UInt64) -> [FitRecord] {
        var rng = SeededGenerator(seed: seed)
        let truth = Paper.arithmetic
        var records: [FitRecord] = []
        for flops in [7.8e22, 1.5e23, 3.1e23] {
            for nPmt in [78.0, 608, 2426, 9697] {
                for nCtx in [8192.0, 16384] {
                    let p = truth.score(flops: flops, promptTokens: nPmt, contextLimit: nCtx)
                    for _ in 0..<(4 << Int(rng.next() % 4)) {
                        records.append(FitRecord(flops: flops, nPmt: nPmt, nCtx: nCtx, metric: rng.unit() < p ? 1 : 0))
                    }
                }
            }
        }
        records.shuffle(using: &rng)
        return records
    }

    /// The sum of squares over records, one law score per record.
    func bruteForceSSE(_ law: ContextScalingLaw, _ records: [FitRecord]) -> Double {
        records.reduce(0) {
            let d = $1.metric - law.score(flops: $1.flops, promptTokens: $1.nPmt, contextLimit: $1.nCtx)
            return $0 + d * d
        }
    }

    /// The sum of squares of records about their group's mean score.
    func scatterAboutGroupMeans(_ records: [FitRecord]) -> Double {
        let means = groupMeans(records)
        return records.reduce(0) { $0 + ($1.metric - means($1)) * ($1.metric - means($1)) }
    }

    /// Each record's group mean, summed here independently of CompiledRecords.
    func groupMeans(_ records: [FitRecord]) -> (FitRecord) -> Double {
        struct Key: Hashable { let c: Double, n: Double, x: Double }
        var sums: [Key: (Double, Double)] = [:]
        for r in records {
            let (s, n) = sums[Key(c: r.flops, n: r.nPmt, x: r.nCtx)] ?? (0, 0)
            sums[Key(c: r.flops, n: r.nPmt, x: r.nCtx)] = (s + r.metric, n + 1)
        }
        return { r in sums[Key(c: r.flops, n: r.nPmt, x: r.nCtx)].map { $0.0 / $0.1 } ?? .nan }
    }

    /// At random laws of every form, the grouped objective plus the scatter about the group
    /// means equals the records' sum of squares.
    func testGroupedObjectiveEqualsTheRecordsSumOfSquares() {
        let records = perInstanceRecords(seed: 1)
        let data = CompiledRecords(records)
        let scatter = scatterAboutGroupMeans(records)
        XCTAssertGreaterThan(scatter, 10)
        XCTAssertEqual(data.groupCount, 24)
        XCTAssertEqual(data.counts.reduce(0, +), Double(records.count))
        var rng = SeededGenerator(seed: 2)
        var scratch = CompiledRecords.Scratch()
        for index in 0..<300 {
            let space = ParameterSpace(form: AnyLawForm.allCases[index % AnyLawForm.allCases.count])
            let x = space.lower.indices.map { space.lower[$0] + rng.unit() * (space.upper[$0] - space.lower[$0]) }
            let law = space.law(x)
            let expected = bruteForceSSE(law, records)
            let grouped = data.sse(law, scratch: &scratch)
            XCTAssertEqual(grouped + scatter, expected, accuracy: 1e-9 * expected, "case \(index)")
            var predictions: [Double] = []
            let weighted = data.weightedResiduals(law, predictions: &predictions, scratch: &scratch)
            let leastSquares = weighted.reduce(0) { $0 + $1 * $1 } + scatter
            XCTAssertEqual(leastSquares, expected, accuracy: 1e-9 * expected, "case \(index)")
        }
    }

    /// Fitting the 0/1 records and fitting each group's mean repeated as often give the same
    /// parameters: with the objective test above, the fit depends on the records only through
    /// the groups' counts and means. The sums of squares differ by the scatter about the means.
    func testFitOnRecordsEqualsFitOnGroupMeans() {
        let records = perInstanceRecords(seed: 3)
        let meanOf = groupMeans(records)
        let means = records.map { FitRecord(flops: $0.flops, nPmt: $0.nPmt, nCtx: $0.nCtx, metric: meanOf($0)) }
        let scatter = scatterAboutGroupMeans(records)

        let onRecords = Fitter(form: .paper, seed: 5).fit(records)
        let onMeans = Fitter(form: .paper, seed: 5).fit(means)
        for (a, b) in zip(onRecords.law.values, onMeans.law.values) {
            XCTAssertEqual(a, b, accuracy: 1e-9 * abs(b), "\(onRecords.law.values) vs \(onMeans.law.values)")
        }
        XCTAssertEqual(onRecords.sse, onMeans.sse + scatter, accuracy: 1e-9 * onRecords.sse)
        XCTAssertEqual(onRecords.sse, bruteForceSSE(onRecords.law, records), accuracy: 1e-9 * onRecords.sse)
        XCTAssertEqual(onRecords.residuals.count, records.count)
    }

    /// The grouped fit is a minimum of the records' own sum of squares: a least-squares run on
    /// one residual per record, started there, finds nothing lower (beyond the 1e-8 within
    /// which points along the flat ridge of A, Cc and alpha differ).
    func testGroupedFitIsAMinimumOfThePerRecordObjective() {
        let records = perInstanceRecords(seed: 4)
        let fit = Fitter(form: .paper, seed: 6).fit(records)
        let space = ParameterSpace(form: .paper)
        let perRecord = LevenbergMarquardt.forPolishing.minimize(
            from: space.coordinates(fit.law), lower: space.lower, upper: space.upper
        ) { x in
            let law = space.law(x)
            return records.map { law.score(flops: $0.flops, promptTokens: $0.nPmt, contextLimit: $0.nCtx) - $0.metric }
        }
        XCTAssertGreaterThan(perRecord.sse, fit.sse * (1 - 1e-8))
    }
}
