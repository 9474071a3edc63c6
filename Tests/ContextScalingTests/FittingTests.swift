import XCTest

@testable import ContextScaling

final class FittingTests: XCTestCase {
    /// Records generated from a known law at the paper's design: 2 model sizes x 6 limits x 10
    /// shot counts, with the compute of Table 1.
    func synthetic(_ law: ContextScalingLaw) -> [FitRecord] {
        var records: [FitRecord] = []
        for n in [6_476_271_616.0, 12_688_184_320.0] {
            for ctx in [4096.0, 8192, 16384, 32768, 65536, 131072] {
                let flops = 6 * n * (2e12 + (ctx > 4096 ? 400 * 64 * ctx : 0))
                for shots in [0, 1, 3, 7, 15, 31, 63, 127, 255, 511] {
                    let nPmt = Paper.arithmeticLayout.promptTokens(shots: shots)
                    records.append(
                        FitRecord(
                            flops: flops, nPmt: nPmt, nCtx: ctx,
                            metric: law.score(flops: flops, promptTokens: nPmt, contextLimit: ctx)))
                }
            }
        }
        return records
    }

    func testRecoversAKnownLawFromExactData() {
        let truth = Paper.translation
        let records = synthetic(truth)
        let fit = Fitter(form: .paper, seed: 7).fit(records)
        XCTAssertLessThan(fit.mae, 1e-5)
        // A and Cc enter Eq. (1) only as A Cc^-alpha, and B and nc only as B nc^-beta: those
        // combinations and the exponents are what exact data determines.
        let p = fit.law.parameters!
        let q = truth.parameters!
        XCTAssertEqual(fit.law.computeFactor(flops: 1e23), truth.computeFactor(flops: 1e23), accuracy: 1e-4)
        XCTAssertEqual(p.beta, q.beta, accuracy: 0.01)
        XCTAssertEqual(log(p.B) - p.beta * log(p.nc), log(q.B) - q.beta * log(q.nc), accuracy: 0.05)
        for n in [100.0, 300, 1000] {
            XCTAssertEqual(fit.law.contextFactor(promptTokens: n), truth.contextFactor(promptTokens: n), accuracy: 1e-4)
        }
    }

    func testSoftLawRecoversItsSharpness() {
        let truth = ContextScalingLaw(Paper.arithmetic.parameters!, form: .soft, extra: [6])
        let fit = Fitter(form: .soft, seed: 3).fit(synthetic(truth))
        guard fit.law.form == .soft, let s = fit.law.value("s") else { return XCTFail("not a soft law") }
        XCTAssertEqual(s, 6, accuracy: 0.01)
        XCTAssertLessThan(fit.mae, 1e-5)
    }

    func testSameSeedSameFit() {
        let records = synthetic(Paper.commonsense).enumerated().map { i, r in
            var noisy = r
            noisy.metric = min(1, max(0, r.metric + 0.01 * sin(Double(i))))
            return noisy
        }
        let a = Fitter(form: .paper, seed: 11).fit(records)
        let b = Fitter(form: .paper, seed: 11).fit(records)
        XCTAssertEqual(a.law, b.law)
    }

    func testDifferentialEvolutionFindsRosenbrocksMinimum() {
        let result = DifferentialEvolution().minimize(lower: [-5, -5], upper: [5, 5], seed: 1) { x in
            (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0])
        }
        XCTAssertEqual(result.best[0], 1, accuracy: 1e-2)
        XCTAssertEqual(result.best[1], 1, accuracy: 2e-2)
    }

    func testLevenbergMarquardtSolvesExponentialDecayAndRespectsBounds() {
        let t = (0..<20).map { Double($0) / 4 }
        let y = t.map { 2.5 * exp(-1.3 * $0) }
        let free = LevenbergMarquardt().minimize(from: [1, 0.5], lower: [0, 0], upper: [10, 10]) { p in
            t.indices.map { p[0] * exp(-p[1] * t[$0]) - y[$0] }
        }
        XCTAssertEqual(free.x[0], 2.5, accuracy: 1e-8)
        XCTAssertEqual(free.x[1], 1.3, accuracy: 1e-8)
        let bounded = LevenbergMarquardt().minimize(from: [1, 0.5], lower: [0, 0], upper: [2, 10]) { p in
            t.indices.map { p[0] * exp(-p[1] * t[$0]) - y[$0] }
        }
        XCTAssertEqual(bounded.x[0], 2, accuracy: 1e-12)
    }

    func testInformationCriteriaFollowTheirDefinitions() {
        let fit = FitResult(
            law: Paper.arithmetic, residuals: [0.1, -0.2, 0.05, 0.0, 0.3, -0.1, 0.2, 0.1], sse: 0.1625, evaluations: 0)
        XCTAssertEqual(fit.aic, 8 * log(0.1625 / 8) + 12, accuracy: 1e-12)
        XCTAssertEqual(fit.bic, 8 * log(0.1625 / 8) + log(8.0) * 6, accuracy: 1e-12)
        XCTAssertEqual(fit.mae, 1.05 / 8, accuracy: 1e-15)
        XCTAssertEqual(fit.largestResidualIndex, 4)
    }

    func testBootstrapIsDeterministicAndCentredOnTheFit() {
        let records = synthetic(Paper.translation).enumerated().map { i, r in
            var noisy = r
            noisy.metric = min(1, max(0, r.metric + 0.005 * cos(Double(i) * 1.7)))
            return noisy
        }
        let fitter = Fitter(form: .paper, seed: 5)
        let fit = fitter.fit(records)
        let a = fitter.bootstrap(records, clusters: Array(records.indices), fitted: fit.law, count: 16)
        let b = fitter.bootstrap(records, clusters: Array(records.indices), fitted: fit.law, count: 16)
        XCTAssertEqual(a, b)
        let betas = a.map(\.parameters!.beta)
        XCTAssertLessThanOrEqual(DrawStatistics.quantile(betas, 0.0), fit.law.parameters!.beta + 0.2)
        XCTAssertGreaterThanOrEqual(DrawStatistics.quantile(betas, 1.0), fit.law.parameters!.beta - 0.2)
        XCTAssertEqual(DrawStatistics.correlation([1, 2, 3], [2, 4, 6])!, 1, accuracy: 1e-15)
        XCTAssertEqual(DrawStatistics.quantile([1, 2, 3, 4], 0.5), 2.5)
    }
}
