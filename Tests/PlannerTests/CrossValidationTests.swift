import ContextScaling
import XCTest

@testable import Planner

/// The cross-validation splits: what each holds out, and that a law refitted without a fold
/// predicts it exactly when the data come from the law itself.
final class CrossValidationTests: XCTestCase {
    /// A law well inside Table 3's bounds, neither factor saturated over the data below.
    static let truth = ContextScalingLaw(LawParameters(A: 5, Cc: 1e27, alpha: 0.3, B: 20, nc: 2000, beta: 0.8))

    /// Noise-free scores of `truth`: six compute levels, each at a 4k and a 16k limit (twelve
    /// models), prompts from 100 tokens to past both limits.
    static func generated(law: ContextScalingLaw = truth) -> [Observation] {
        var records: [Observation] = []
        for flops in [1e21, 3e21, 1e22, 3e22, 1e23, 3e23] {
            for limit in [4096.0, 16384] {
                let model = String(format: "m-%.0e-%.0fk", flops, limit / 1024)
                for nPmt in [100.0, 300, 1000, 3000, 10000, 30000] {
                    records.append(
                        Observation(
                            task: "generated", model: model, flops: flops, nCtx: limit, nPmt: nPmt, shots: nil,
                            metric: law.score(flops: flops, promptTokens: nPmt, contextLimit: limit),
                            origin: "generated"))
                }
            }
        }
        return records
    }

    func testEverySplitPredictsNoiseFreeDataExactly() throws {
        let records = Self.generated()
        let full = try Fixtures.planner.fit(name: "generated", records: records, form: .paper, seed: 0).result.law
        var seconds = (searched: 0.0, refined: 0.0)
        for split in HoldOutSplit.allCases {
            // Ten times below the bundled data's best errors: what is left is the search's
            // convergence (holding out 16k leaves prompts up to 3,000 tokens to fit the context
            // factor that 16k's 10,000-token prompts are then predicted by).
            var start = clock()
            let cv = try Fixtures.planner.crossValidate(records: records, form: .paper, split: split, seed: 0)
            seconds.searched += Double(clock() - start) / Double(CLOCKS_PER_SEC)
            XCTAssertLessThan(cv.mae, 5e-4, "\(split)")
            XCTAssertEqual(cv.skipped, 0)
            XCTAssertEqual(cv.n, split == .extrapolation ? 12 : records.count)
            // Refined from the fit to every record, each fold predicts as well.
            start = clock()
            let warm = try Fixtures.planner.crossValidate(
                records: records, form: .paper, split: split, seed: 0, from: full)
            seconds.refined += Double(clock() - start) / Double(CLOCKS_PER_SEC)
            XCTAssertLessThan(warm.mae, 5e-4, "\(split)")
        }
        // The figure behind compare's use of refined folds (CPU seconds, every core's).
        print(
            String(
                format: "cross-validation, 15 folds: %.2f s searched, %.2f s refined", seconds.searched,
                seconds.refined))
    }

    func testFoldsHoldOutWholeModelsLimitsAndTheLargestCompute() throws {
        let records = try Fixtures.planner.fitRecords(file: nil, task: "arithmetic").records
        // Tables 8-10: 12 checkpoints x 10 shot counts; limits 4k (Llama-2-7B and -13B) to 128k.
        let byModel = Planner.folds(of: records, split: .model, largestLevels: 1)
        XCTAssertEqual(byModel.count, 12)
        XCTAssertTrue(byModel.allSatisfy { $0.1.count == 10 })
        let byLimit = Planner.folds(of: records, split: .contextLimit, largestLevels: 1)
        XCTAssertEqual(byLimit.map { $0.1.count }, [20, 20, 20, 20, 20, 20])
        // Extensions change a model's compute by under 1%: two levels, 7B and 13B.
        let extrapolation = Planner.folds(of: records, split: .extrapolation, largestLevels: 1)
        XCTAssertEqual(extrapolation.count, 1)
        XCTAssertEqual(extrapolation[0].1.count, 60)
        XCTAssertTrue(extrapolation[0].1.allSatisfy { records[$0].model?.contains("13B") == true })
    }

    func testExtrapolationHoldsOutTheAskedNumberOfLevels() {
        let records = Self.generated()
        let folds = Planner.folds(of: records, split: .extrapolation, largestLevels: 2)
        XCTAssertEqual(folds.count, 1)
        XCTAssertEqual(Set(folds[0].1.map { records[$0].flops }), [1e23, 3e23])
        // Never every level: at least the smallest stays to fit on.
        let all = Planner.folds(of: records, split: .extrapolation, largestLevels: 99)
        XCTAssertEqual(Set(all[0].1.map { records[$0].flops }).count, 5)
    }

    func testOneModelHasNothingToLeaveOut() {
        let one = Self.generated().filter { $0.model == "m-1e+21-4k" }
        XCTAssertThrowsError(try Fixtures.planner.crossValidate(records: one, form: .paper, split: .model, seed: 0))
    }
}
