import ContextScaling
import XCTest

@testable import Planner

/// The law compare prefers (and `fit --law auto` fits) on Tables 8-10: two compute levels are too
/// few for a forward backtest, so the paper's law is kept, and no law whose extrapolation error
/// is over 1.5x the paper law's is preferred (issue 15: decay, preferred by leave-one-model-out,
/// extrapolated with 0.571 / 0.254 / 0.577 against 0.022 / 0.128 / 0.020).
final class LawChoiceTests: XCTestCase {
    func testTheBundledTasksKeepThePaperLawThatExtrapolatesBest() throws {
        // task: the leave-one-model-out errors of the paper's and the decay law (issue 10).
        let expected: [(String, Double, Double)] = [
            ("arithmetic", 0.0110, 0.0063), ("commonsense", 0.0353, 0.0126), ("translation", 0.0080, 0.0056),
        ]
        let planner = Fixtures.planner
        for (task, paper, decay) in expected {
            let records = try planner.fitRecords(file: nil, task: task).records
            let comparison = try planner.compare(name: task, records: records, seed: 0, threshold: 10_000)
            let cv = Dictionary(uniqueKeysWithValues: comparison.entries.map { ($0.form, $0.cvMAE) })
            XCTAssertEqual(try XCTUnwrap(cv[.paper] ?? nil), paper, accuracy: 0.00005, task)
            XCTAssertEqual(try XCTUnwrap(cv[.decay] ?? nil), decay, accuracy: 0.00005, task)
            XCTAssertEqual(comparison.sizes, 2, task)
            XCTAssertEqual(comparison.reason, .tooFewSizes, task)
            XCTAssertEqual(comparison.preferred, .paper, task)
            // The ladder is fitted (the models give N and D) but two sizes cannot determine it.
            let ladder = try XCTUnwrap(comparison.entries.first { $0.form == .ladder })
            XCTAssertFalse(ladder.identifiable, task)
            let extrapolation = { (form: AnyLawForm) in
                try planner.backtest(.extrapolation, name: task, records: records, form: form, seed: 0)?.mae
            }
            let chosen = try XCTUnwrap(try extrapolation(comparison.preferred))
            let paperError = try XCTUnwrap(try extrapolation(.paper))
            XCTAssertLessThanOrEqual(chosen, 1.5 * paperError, task)
        }
    }

    /// Records of one model: one size, too few to backtest forward, so the paper's law is kept.
    func testOneModelKeepsThePaperLaw() throws {
        let records = try Fixtures.planner.fitRecords(file: nil, task: "translation").records
            .filter { $0.model == "Yarn-Llama-2-13B-32k" }
        let comparison = try Fixtures.planner.compare(name: "one", records: records, seed: 0, threshold: 1000)
        XCTAssertTrue(comparison.entries.allSatisfy { $0.cvMAE == nil })
        XCTAssertEqual(comparison.reason, .tooFewSizes)
        XCTAssertEqual(comparison.preferred, .paper)
    }

    /// Where the paper's law itself is not among the fitted, the lowest BIC decides.
    func testWithoutThePaperLawOneModelFallsBackToBIC() {
        let records = (try? Fixtures.planner.fitRecords(file: nil, task: "translation").records) ?? []
        let comparison = try? Fixtures.planner.compare(name: "one", records: records, seed: 0, threshold: 1000)
        guard let entries = comparison?.entries.filter({ $0.form != .paper }) else { return XCTFail("no comparison") }
        let (best, reason) = Planner.preference(entries.map { var e = $0; e.cvMAE = nil; return e }, sizes: 1)
        XCTAssertEqual(reason, .lowestBIC)
        let bic = entries.map(\.fit.result.bic)
        XCTAssertEqual(best, bic.indices.min { bic[$0] < bic[$1] })
    }

    func testAPresetFloorOutsideItsRangeIsRejectedByName() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var task = try Fixtures.library.task("commonsense")
        task.floor = 0.25
        let good = dir + "/good.json"
        try PresetLibrary.save(task, to: good, overwrite: false)
        XCTAssertEqual(try Fixtures.library.task(good).floor, 0.25)
        let text = try String(contentsOfFile: good, encoding: .utf8)
        let bad = dir + "/bad.json"
        try text.replacingOccurrences(of: "\"floor\" : 0.25", with: "\"floor\" : 1.5")
            .write(toFile: bad, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try Fixtures.library.task(bad)) { error in
            XCTAssertTrue("\(error)".contains("field 'floor'"), "\(error)")
        }
    }
}
