import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// The target, on data generated with known scatter between models: fit a family's
/// smaller models, predict its largest; the error at most 0.02 and the 80% prediction
/// intervals covering 65%-95% of the true scores.
final class BacktestTargetTests: XCTestCase {
    /// Table 4's arithmetic law as the truth.
    let truth = ContextScalingLaw(LawParameters(A: 9.96, Cc: 9.7e29, alpha: 0.26, B: 62.24, nc: 1.3e5, beta: 0.56))
    let layout = PromptLayout(baseTokens: 78.17, shotTokens: 75.74)
    /// Each model is off the law by its own N(0, 0.01) and each score by N(0, 0.004).
    let modelScatter = 0.01
    let recordScatter = 0.004

    /// A family of ten models, compute 1e21 .. 5e23 FLOPs (doubling), 8k limit, prompts of
    /// 0 to 255 shots (the last ones past the limit).
    func family(seed: UInt64) -> [Observation] {
        var rng = SeededGenerator(seed: seed)
        func normal() -> Double { (-2 * log(1 - rng.unit())).squareRoot() * cos(2 * Double.pi * rng.unit()) }
        var records: [Observation] = []
        for k in 0..<10 {
            let flops = 1e21 * pow(2, Double(k))
            let offset = modelScatter * normal()
            for shots in [0, 1, 3, 7, 15, 31, 63, 127, 255] {
                let n = layout.promptTokens(shots: shots)
                let score =
                    truth.score(flops: flops, promptTokens: n, contextLimit: 8192) + offset
                    + recordScatter * normal()
                records.append(
                    Observation(
                        task: nil, model: nil, flops: flops, nCtx: 8192, nPmt: n, shots: shots,
                        metric: min(1, max(0, score)), origin: ""))
            }
        }
        return records
    }

    func testFittingTheSmallerModelsPredictsTheLargestWithinTheTargets() throws {
        var errors: [Double] = []
        var covered = 0.0
        // Six families: one family's largest model is a single draw of its scatter, so coverage
        // is judged over several.
        for seed in 1...6 as ClosedRange<UInt64> {
            let b = try XCTUnwrap(
                Fixtures.planner.backtest(
                    .extrapolation, name: "family", records: family(seed: seed), form: .paper, seed: 0))
            XCTAssertEqual(b.n, 9, "the largest model's nine records are held out")
            errors.append(b.mae)
            covered += b.coverage * Double(b.n)
        }
        let mae = errors.reduce(0, +) / Double(errors.count)
        let coverage = covered / Double(9 * errors.count)
        print(
            String(
                format: "generated families: extrapolation MAE %.4f, 80%% interval coverage %.0f%%", mae, coverage * 100
            ))
        XCTAssertLessThanOrEqual(mae, 0.02)
        XCTAssertGreaterThanOrEqual(coverage, 0.65)
        XCTAssertLessThanOrEqual(coverage, 0.95)
    }
}
