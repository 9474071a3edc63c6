import ContextScaling
import XCTest

@testable import Planner

/// Per-instance 0/1 rows: errors on group means, a binned prompt table, and a "score falls with
/// the prompt" note only beyond the sampling error.
final class PerInstanceTests: XCTestCase {
    private var rng = SeededGenerator(seed: 0x9E41_57A4_CE00_0001)
    private func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }

    /// `rows` instances per model, each with its own prompt length in 50...3,000 tokens (all
    /// fit the 4k limit), scoring 1 with probability `p(model, nPmt)`.
    private func instances(
        models: [(String, Double)], rows: Int, _ p: (Double, Double) -> Double
    ) -> [Observation] {
        models.flatMap { model, flops in
            (0..<rows).map { _ in
                let nPmt = (50 + 2950 * uniform()).rounded()
                return Observation(
                    task: nil, model: model, flops: flops, nCtx: 4096, nPmt: nPmt, shots: nil,
                    metric: uniform() < p(flops, nPmt) ? 1 : 0, origin: "generated")
            }
        }
    }

    private let models = [("Llama-2-7B", 7.7e22), ("Llama-2-13B", 1.5e23), ("Llama-2-70B", 8.2e23)]

    /// A score that does not change with the prompt raises no note, in any of twenty samples,
    /// although the raw means of single prompt lengths fall by far more than the tolerance.
    func testAFlatLawRaisesNoNote() {
        for sample in 0..<20 {
            let records = instances(models: models, rows: 2000) { flops, _ in flops > 1e23 ? 0.55 : 0.35 }
            XCTAssertNil(Planner.promptDrop(records), "sample \(sample)")
        }
    }

    /// A fall of 0.15 from short to long prompts, with 12,000 instances a model, is many
    /// standard errors: the note is raised, with the fall about its true size.
    func testARealDropIsRaised() throws {
        let records = instances(models: models, rows: 12000) { _, nPmt in nPmt < 1000 ? 0.5 : 0.35 }
        let drop = try XCTUnwrap(Planner.promptDrop(records))
        XCTAssertEqual(drop.drop, 0.15, accuracy: 0.06)
        // Bins of about 1,000 instances: the standard error of a difference of two of their means
        // is about sqrt(2 x 0.24 / 1000) = 0.022, so a fall of 0.15 is some seven of them.
        XCTAssertGreaterThan(try XCTUnwrap(drop.standardErrors), Planner.promptDropStandardErrors)
        XCTAssertLessThan(drop.shorterTokens, 1000)
        XCTAssertGreaterThan(drop.longerTokens, 1000)
    }

    /// The bins: at most twelve, in order, each an unbroken run of prompt lengths, of about equal
    /// rows.
    func testPromptBinsAreFewOrderedAndEven() {
        let records = instances(models: models, rows: 1500) { _, _ in 0.5 }
        let bins = PromptBins(records)
        XCTAssertLessThanOrEqual(bins.ranges.count, 12)
        XCTAssertGreaterThanOrEqual(bins.ranges.count, 11)
        for (a, b) in zip(bins.ranges, bins.ranges.dropFirst()) { XCTAssertLessThan(a.high, b.low) }
        for (record, bin) in zip(records, bins.index) {
            XCTAssertTrue(bins.ranges[Int(bin)].low <= record.nPmt && record.nPmt <= bins.ranges[Int(bin)].high)
        }
        let counts = Dictionary(grouping: bins.index, by: { $0 }).mapValues(\.count)
        let share = Double(records.count) / 12
        for (_, count) in counts { XCTAssertLessThan(Double(count), 2 * share) }
        // Few distinct prompts are each their own bin.
        let few = records.map { r -> Observation in
            var r = r
            r.nPmt = r.nPmt < 1500 ? 100 : 2000
            return r
        }
        XCTAssertEqual(PromptBins(few).ranges.map(\.low), [100, 2000])
    }

    /// A fit to per-instance rows of a known law reports its errors on group means: far below the
    /// rows' own MAE (a 0/1 row is always far from a probability), within a few sampling errors,
    /// and its prompt table in at most twelve ordered bins.
    func testFitReportsErrorsOnGroupMeans() throws {
        let law = try Fixtures.library.task("commonsense").law
        let records = instances(models: models, rows: 1500) { flops, nPmt in
            law.score(flops: flops, promptTokens: nPmt, contextLimit: 4096)
        }
        let report = try Fixtures.planner.fit(name: "generated", records: records, form: .paper, seed: 1)
        let g = try XCTUnwrap(report.groupMeans)
        XCTAssertGreaterThan(report.result.mae, 0.3, "a row's error is its distance from 0 or 1")
        XCTAssertLessThan(g.mae, 3 * g.standardError)
        // The standard error of a mean of about 125 instances near p = 0.6: sqrt(0.24 / 125).
        XCTAssertEqual(g.standardError, (0.24 / 125).squareRoot(), accuracy: 0.02)
        XCTAssertLessThanOrEqual(report.byPrompt.count, 12)
        let lows = report.byPrompt.compactMap { row -> Double? in
            if case .promptRange(let low, _) = row.0 { return low }
            return nil
        }
        XCTAssertEqual(lows.count, report.byPrompt.count)
        XCTAssertEqual(lows, lows.sorted())
        XCTAssertEqual(report.byPrompt.map(\.2).reduce(0, +), records.count)
        XCTAssertEqual(report.byModel.map(\.2), [1500, 1500, 1500])
        // Accuracies (not 0/1) keep their rows' errors.
        let accuracies = records.map { r -> Observation in
            var r = r
            r.metric = r.metric == 1 ? 0.9 : 0.1
            return r
        }
        XCTAssertNil(try Fixtures.planner.fit(name: "generated", records: accuracies, form: .paper, seed: 1).groupMeans)
    }
}
