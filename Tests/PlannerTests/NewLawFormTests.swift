import ContextScaling
import XCTest

@testable import Planner

/// The chance-floor and extension-decay forms: fitted to data generated from known laws, they
/// recover them; a given floor is kept and not counted as estimated.
final class NewLawFormTests: XCTestCase {
    static let shared = LawParameters(A: 5, Cc: 1e27, alpha: 0.3, B: 20, nc: 2000, beta: 0.8)

    /// Noise-free records of `law`: six compute levels; a 4k base model at each, extended to
    /// 16k and 64k (native limit 4k), prompts from 100 tokens to past the longest limit.
    static func generated(_ law: ContextScalingLaw) -> [Observation] {
        var records: [Observation] = []
        for flops in [1e21, 3e21, 1e22, 3e22, 1e23, 3e23] {
            for limit in [4096.0, 16384, 65536] {
                let native: Double? = limit > 4096 ? 4096 : nil
                for nPmt in [100.0, 300, 1000, 3000, 10000, 30000, 100_000] {
                    let score = law.forModel(nativeLimit: native).score(
                        flops: flops, promptTokens: nPmt, contextLimit: limit)
                    records.append(
                        Observation(
                            task: "generated", model: String(format: "m-%.0e-%.0fk", flops, limit / 1024),
                            flops: flops, nCtx: limit, nPmt: nPmt, shots: nil, metric: score, origin: "generated",
                            nativeNCtx: native))
                }
            }
        }
        return records
    }

    func testAGivenFloorIsKeptAndNotCountedAsEstimated() throws {
        let truth = ContextScalingLaw(Self.shared, form: .floor, extra: [0.25])
        let records = Self.generated(truth)
        XCTAssertGreaterThanOrEqual(records.map(\.metric).min()!, 0.25 - 1e-12, "the floor bounds every score")
        let report = try Fixtures.planner.fit(name: "g", records: records, form: .floor, seed: 0, floor: 0.25)
        XCTAssertEqual(report.result.law.floor, 0.25)
        XCTAssertLessThan(report.result.mae, 1e-4)
        // Six estimated parameters, not seven: AIC = n ln(SSE/n) + 2 x 6.
        let n = Double(records.count)
        XCTAssertEqual(report.result.aic, n * log(max(report.result.sse / n, 1e-300)) + 12, accuracy: 1e-9)
        // The paper's law, without the floor, cannot follow scores that never fall below 0.25.
        let paper = try Fixtures.planner.fit(name: "g", records: records, form: .paper, seed: 0)
        XCTAssertGreaterThan(paper.result.mae, 0.01)
    }

    func testAFloorNobodyGivesIsFitted() throws {
        let records = Self.generated(ContextScalingLaw(Self.shared, form: .floor, extra: [0.2]))
        let report = try Fixtures.planner.fit(name: "g", records: records, form: .floor, seed: 0)
        XCTAssertEqual(report.result.law.floor, 0.2, accuracy: 1e-3)
        XCTAssertEqual(report.result.estimatedCount, 7)
    }

    func testDecayRecoversItsLawAndPredictsAHeldOutModel() throws {
        let truth = ContextScalingLaw(Self.shared, form: .decay, extra: [4, 0.2, 0.05])
        let records = Self.generated(truth)
        // exp(-0.05 x 4): an extension to 64k from 4k keeps 81.9% of the score.
        let at64k = records.first { $0.nCtx == 65536 && $0.nPmt == 1000 && $0.flops == 1e23 }!
        let native = truth.score(flops: 1e23, promptTokens: 1000, contextLimit: 65536)
        XCTAssertEqual(at64k.metric / native, exp(-0.2), accuracy: 1e-12)
        let report = try Fixtures.planner.fit(name: "g", records: records, form: .decay, seed: 0)
        XCTAssertLessThan(report.result.mae, 1e-4)
        XCTAssertEqual(report.result.law.values[8], 0.05, accuracy: 1e-3)
        XCTAssertTrue(report.warnings.contains(.contextTermsConfoundCompute))
        let cv = try Fixtures.planner.crossValidate(
            records: records, form: .decay, split: .model, seed: 0, from: report.result.law)
        XCTAssertLessThan(cv.mae, 1e-3)
        // The paper's law has no term for the extension and misses the extended models.
        let paper = try Fixtures.planner.fit(name: "g", records: records, form: .paper, seed: 0)
        XCTAssertGreaterThan(paper.result.mae, 10 * report.result.mae)
    }

    /// A decay preset scores a YaRN checkpoint, and each limit extend weighs, as its base model
    /// would score there times exp(-g log2(n_ctx / 4k)); a model at its own limit keeps it all.
    func testDecayReachesExtendedModelsInPredictAndExtend() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var task = try Fixtures.library.task("arithmetic")
        task.law = ContextScalingLaw(task.law.parameters!, form: .decay, extra: [5, 0.1, 0.04])
        let path = dir + "/decay.json"
        try PresetLibrary.save(task, to: path, overwrite: false)
        let planner = Fixtures.planner
        let nPmt = try task.layout.promptTokens(shots: 3)
        let yarn = try planner.predict(task: path, compute: .model("Yarn-Llama-2-7B-32k"), prompt: .shots(3), nCtx: nil)
        let undecayed = task.law.score(flops: yarn.scenario.flops, promptTokens: nPmt, contextLimit: 32768)
        XCTAssertEqual(yarn.score, undecayed * exp(-0.04 * 3), accuracy: 1e-15)
        XCTAssertEqual(yarn.factors.decay, exp(-0.12), accuracy: 1e-15)
        let native = try planner.predict(task: path, compute: .model("Llama-2-7B"), prompt: .shots(3), nCtx: nil)
        XCTAssertEqual(native.factors.decay, 1)
        let extend = try planner.extend(model: "llama-2-7b", task: path, prompt: .shots(3))
        for option in extend.options {
            let plain = task.law.score(flops: option.model.flops, promptTokens: nPmt, contextLimit: option.nCtx)
            XCTAssertEqual(option.score, plain * exp(-0.04 * log2(option.nCtx / 4096)), accuracy: 1e-15)
        }
        // With every limit fitting the prompt, the decay makes the native 4k the recommendation.
        XCTAssertEqual(extend.recommended.map { extend.options[$0].nCtx }, 4096)
    }
}
