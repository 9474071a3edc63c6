import ContextScaling
import XCTest

@testable import Planner

/// The ladder form: fitted on small models' records generated from a known ladder law, it
/// predicts a larger model's score; a comparison passes over laws it cannot fit.
final class LadderLawTests: XCTestCase {
    /// u, a, alpha_N, b, beta_D, B, nc, beta, floor.
    static let truth = AnyLawForm.ladder.law(values: [3.0, 1.2, 0.3, 0.8, 0.35, 20, 200, 0.6, 0.25])

    /// The truth saved as a task preset (translation's prompt, no draws) in `dir`: its path.
    static func savedTruth(in dir: String) throws -> String {
        var task = try Fixtures.library.task("translation")
        task.name = "ladder-task"
        task.law = truth
        task.draws = []
        let path = dir + "/ladder-task.json"
        try PresetLibrary.save(task, to: path, overwrite: false)
        return path
    }

    /// Five sizes, each at six checkpoints, at three prompt lengths under a 2k limit.
    static func records(of law: ContextScalingLaw) -> [Observation] {
        var records: [Observation] = []
        for n in [2e7, 6e7, 2e8, 5e8, 1.2e9] {
            for d in [1e10, 3e10, 6e10, 1e11, 2e11, 3e11] {
                for nPmt in [40.0, 200, 1000] {
                    let flops = 6 * n * d
                    let score = law.splitting(.params(n)).score(flops: flops, promptTokens: nPmt, contextLimit: 2048)
                    records.append(
                        Observation(
                            task: "t", model: "m\(n)", flops: flops, nCtx: 2048, nPmt: nPmt, shots: nil, metric: score,
                            origin: "generated", params: n))
                }
            }
        }
        return records
    }

    func testAFitOnSmallModelsRecoversALargerModelsScore() throws {
        let report = try Fixtures.planner.fit(
            name: "t", records: Self.records(of: Self.truth), form: .ladder, seed: 0, floor: 0.25)
        // Ten times the largest size, fully trained: past every record the fit saw.
        let (n, d) = (1.2e10, 3e11)
        for nPmt in [40.0, 1000] {
            let predicted = report.result.law.splitting(.params(n)).score(
                flops: 6 * n * d, promptTokens: nPmt, contextLimit: 2048)
            let truth = Self.truth.splitting(.params(n)).score(flops: 6 * n * d, promptTokens: nPmt, contextLimit: 2048)
            XCTAssertEqual(predicted, truth, accuracy: 0.01, "n_pmt \(nPmt)")
        }
        XCTAssertLessThan(report.result.mae, 1e-4)
    }

    /// Records made by a law whose beta_D (2.6) lies past the search's upper end (2): the fit
    /// stops at 2 and says so; the law inside the bounds fits without the warning, and the
    /// floor, given to the fit, is never named.
    func testAParameterTheDataWouldTakePastItsBoundIsNamed() throws {
        var values = Self.truth.values
        values[4] = 2.6
        let past = try Fixtures.planner.fit(
            name: "t", records: Self.records(of: AnyLawForm.ladder.law(values: values)), form: .ladder, seed: 0,
            floor: 0.25)
        let onBound = past.warnings.compactMap { w -> [BoundParameter]? in
            if case .onBound(let p) = w { return p }
            return nil
        }
        XCTAssertEqual(onBound.count, 1, "\(past.warnings)")
        XCTAssertEqual(onBound.first?.map(\.name).contains("beta_D"), true)
        XCTAssertEqual(onBound.first?.first { $0.name == "beta_D" }?.end, .upper)
        XCTAssertEqual(onBound.first?.contains { $0.name == "floor" }, false)
        let inside = try Fixtures.planner.fit(
            name: "t", records: Self.records(of: Self.truth), form: .ladder, seed: 0, floor: 0.25)
        XCTAssertFalse(inside.warnings.contains { $0.code == "parameter_on_bound" }, "\(inside.warnings)")
    }

    /// Records that give compute alone cannot fit the ladder: the error says what is missing.
    func testComputeAloneIsNamedAsWhatTheLadderLacks() throws {
        let records = Self.records(of: Self.truth).map { r -> Observation in
            var r = r
            r.params = nil
            return r
        }
        XCTAssertThrowsError(try Fixtures.planner.fit(name: "t", records: records, form: .ladder, seed: 0)) { error in
            guard case FittingError.needsParamsAndTokens(let form, let missing, _) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(form, .ladder)
            XCTAssertEqual(missing, records.count)
        }
    }

    /// Eight records cannot fit nine parameters: compare passes over those laws, not fails.
    func testACompareOfFewRecordsPassesOverTheLawsItCannotFit() throws {
        let records = Array(try Fixtures.planner.fitRecords(file: nil, task: "translation").records.prefix(8))
        let comparison = try Fixtures.planner.compare(name: "few", records: records, seed: 0, threshold: 1000)
        let skipped = Set(comparison.skipped.map(\.form))
        XCTAssertEqual(skipped, Set(AnyLawForm.allCases.filter { $0.parameterCount >= 8 }))
        XCTAssertFalse(comparison.entries.isEmpty)
        XCTAssertFalse(skipped.contains(comparison.preferred))
    }

    /// The generated data hold five sizes: the ladder is identifiable, and its forward backtest
    /// on data it generated is all but exact.
    func testTheForwardBacktestOfItsOwnDataIsExact() throws {
        let forward = try XCTUnwrap(
            try Fixtures.planner.forwardBacktest(
                name: "t", records: Self.records(of: Self.truth), form: .ladder, seed: 0, floor: 0.25))
        XCTAssertEqual(forward.folds, 2, "fits on three and four sizes: two sizes cannot determine the ladder")
        XCTAssertLessThan(forward.mae, 0.01)
        XCTAssertEqual(forward.growthPerDecade, 0, accuracy: 0.02)
    }

    /// A question to a saved ladder preset reads the law at the N and D given, and says which;
    /// with compute alone, at the law's compute-optimal split, whose 6ND is that compute.
    func testAnAnswerSaysTheSplitItReadTheLawAt() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = try Self.savedTruth(in: dir)
        let (n, d) = (7e9, 2e12)
        let given = try Fixtures.planner.predict(
            task: path, compute: .paramsAndTokens(params: n, tokens: d), prompt: .tokens(100), nCtx: 2048)
        XCTAssertEqual(
            given.score, Self.truth.splitting(.params(n)).score(flops: 6 * n * d, promptTokens: 100, contextLimit: 2048),
            accuracy: 1e-12)
        XCTAssertEqual(given.lawSplit, LawSplit(kind: .givenParams, params: n, tokens: 6 * n * d / (6 * n)))
        let optimal = try Fixtures.planner.predict(task: path, compute: .flops(1e23), prompt: .tokens(100), nCtx: 2048)
        let split = try XCTUnwrap(optimal.lawSplit)
        XCTAssertEqual(split.kind, .computeOptimal)
        XCTAssertEqual(6 * split.params * split.tokens, 1e23, accuracy: 1e23 * 1e-12)
        // Off the optimal split, the same compute scores less.
        for factor in [0.5, 2.0] {
            let n = split.params * factor
            let off = Self.truth.splitting(.params(n)).score(flops: 1e23, promptTokens: 100, contextLimit: 2048)
            XCTAssertLessThan(off, optimal.score)
        }
    }

    /// With N held, more tokens can only remove the tokens' loss term: the ceiling is
    /// floor + (1 - floor) sigma(u - a (N/N0)^-alpha_N) x context factor x penalty, computed
    /// here by hand. A target above it is unreachable at that N (though not for a larger
    /// model); a target below it is reached where the law, read at that N, gives it.
    func testComputeForAtAGivenSizeStopsAtThatSizesCeiling() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = try Self.savedTruth(in: dir)
        let v = Self.truth.values
        let n = 2e8
        let sigma = 1 / (1 + exp(-(v[0] - v[1] * pow(n / 1e9, -v[2]))))
        let context = 1 - exp(-v[5] * pow(100 / v[6], v[7]))
        let penalty = 1 / (1 + exp(-(2048.0 - 100)))
        let ceiling = v[8] + (1 - v[8]) * sigma * context * penalty
        let above = try Fixtures.planner.computeFor(
            target: ceiling + 0.01, task: path, prompt: .tokens(100), nCtx: 2048, params: n)
        guard case .unreachable(let c) = above.solution else { return XCTFail("\(above.solution)") }
        XCTAssertEqual(c, ceiling, accuracy: 1e-12)
        let below = try Fixtures.planner.computeFor(
            target: ceiling - 0.05, task: path, prompt: .tokens(100), nCtx: 2048, params: n)
        let flops = try XCTUnwrap(below.flops)
        XCTAssertEqual(
            Self.truth.splitting(.params(n)).score(flops: flops, promptTokens: 100, contextLimit: 2048), ceiling - 0.05,
            accuracy: 1e-9)
        // Unlimited N and D reach past the held size's ceiling.
        XCTAssertGreaterThan(Self.truth.ceiling(promptTokens: 100, contextLimit: 2048), ceiling + 0.01)
    }
}
