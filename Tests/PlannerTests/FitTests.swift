import ContextScaling
import XCTest

@testable import Planner

/// The fitting issue's targets on the bundled Tables 8-10.
final class FitTests: XCTestCase {
    func records(_ task: String) throws -> [Observation] {
        try Fixtures.planner.fitRecords(file: nil, task: task).records
    }

    /// A coefficient at its bound while its scale is inside (B 100, nc 439: translation's fit)
    /// slides along its ridge away from the bound, so it is not reported; a pair both of whose
    /// ends are at bounds is, and so is any other parameter.
    func testABoundIsReportedOnlyWhereTheRidgeCannotLeaveIt() {
        func bound(_ values: [Double]) -> [String] {
            BoundParameter.of(ContextScalingLaw(form: .paper, values: values), pinned: [:]).map(\.name)
        }
        XCTAssertEqual(bound([0.17, 1.1e23, 0.23, 100, 438.6, 3.9]), [])
        XCTAssertEqual(bound([0.17, 1e30, 0.23, 40, 438.6, 3.9]), [])
        XCTAssertEqual(bound([100, 1e30, 0.23, 40, 438.6, 3.9]), ["A", "Cc"])
        XCTAssertEqual(bound([0.17, 1.1e23, 10, 40, 438.6, 3.9]), ["alpha"])
    }

    func testPaperLawMeetsTheInSampleTargets() throws {
        for (task, target) in [("arithmetic", 0.011), ("commonsense", 0.035), ("translation", 0.008)] {
            let report = try Fixtures.planner.fit(name: task, records: records(task), form: .paper, seed: 0)
            XCTAssertLessThanOrEqual(report.result.mae, target, task)
            XCTAssertEqual(report.result.n, 120)
        }
    }

    func testHeldOutErrorsMeetTheSectionFourTwoTargets() throws {
        for (task, target) in [("arithmetic", 0.018), ("commonsense", 0.067), ("translation", 0.007)] {
            let v = try Fixtures.planner.validate(name: task, records: records(task), form: .paper, seed: 0)
            XCTAssertLessThanOrEqual(v.heldOutMAE!, target, task)
            XCTAssertEqual(v.heldOut.count, 24, "127 shots and more are over 10,000 tokens")
        }
    }

    func testNoPenaltyAblationMatchesTableSeven() throws {
        let report = try Fixtures.planner.fit(
            name: "arithmetic", records: records("arithmetic"), form: .noPenalty, seed: 0)
        XCTAssertEqual(report.result.mae, 0.029, accuracy: 0.002)
    }

    func testSoftLawCutsTheCommonSenseHeldOutError() throws {
        let v = try Fixtures.planner.validate(
            name: "commonsense", records: records("commonsense"), form: .soft, seed: 0)
        XCTAssertLessThan(v.heldOutMAE!, 0.03)
    }

    func testTwoComputeLevelsAreNamedAsATradeOff() throws {
        let report = try Fixtures.planner.fit(
            name: "translation", records: records("translation"), form: .paper, seed: 0)
        XCTAssertTrue(report.warnings.contains(.twoComputeLevels))
        XCTAssertFalse(report.warnings.contains(.oneComputeLevel))
        XCTAssertEqual(report.range.computeMax, 6 * 12_688_184_320 * (2e12 + 400 * 64 * 131072), accuracy: 1e9)
    }

    func testSingleComputeLevelWarnsWhichParametersItCannotDetermine() throws {
        let only7B = try records("arithmetic").filter {
            $0.model == "Llama-2-7B" || $0.model?.hasPrefix("Yarn-Llama-2-7B") == true
        }
        let flops = only7B.map(\.flops)
        XCTAssertEqual(Planner.levels(flops), 1, "extensions change 7B's compute by under 1%")
        let report = try Fixtures.planner.fit(name: "arithmetic", records: only7B, form: .paper, seed: 0)
        XCTAssertTrue(report.warnings.contains(.oneComputeLevel))
        XCTAssertFalse(report.warnings.contains(.twoComputeLevels))
    }

    func testFewerRecordsThanParametersIsRejected() throws {
        let few = Array(try records("arithmetic").prefix(6))
        XCTAssertThrowsError(try Fixtures.planner.fit(name: "x", records: few, form: .paper, seed: 0)) { error in
            XCTAssertEqual(error as? FittingError, .tooFewRecords(records: 6, parameters: 6))
        }
    }

    func testAFileOfSeveralTasksNeedsATaskChosen() throws {
        let path = Fixtures.presets + "/observations/paper-tables-8-10.csv"
        XCTAssertThrowsError(try Fixtures.planner.fitRecords(file: path, task: nil)) { error in
            XCTAssertEqual(
                error as? FittingError,
                .severalTasks(file: path, tasks: ["arithmetic", "commonsense", "translation"]))
        }
        XCTAssertEqual(try Fixtures.planner.fitRecords(file: path, task: "translation").records.count, 120)
    }

    func testReaderTakesComputeColumnsCRLFAndABOM() throws {
        let text =
            "\u{FEFF}compute,n_ctx,n_pmt,metric,comment\r\n1.5e23,8k,1000,0.5,\"a, quoted\"\r\n2T,4096,2k,0.25,x\r\n"
        let rows = try ObservationReader(library: Fixtures.library).parse(text: text, file: "mine.csv")
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0].nCtx, 8192)
        XCTAssertEqual(rows[1].nPmt, 2048)
        XCTAssertEqual(rows[1].flops, 2e12)
        XCTAssertEqual(rows[1].origin, "mine.csv:3")
    }

    func testReaderRejectionsNameFileAndLine() {
        let reader = ObservationReader(library: Fixtures.library, defaultTask: try? Fixtures.library.task("arithmetic"))
        let cases: [(String, Int?, DataFileError.Problem)] = [
            ("model,shots\nLlama-2-7B,3\n", 1, .noMetricColumn(header: ["model", "shots"])),
            ("metric,shots\n0.5,3\n", 1, .noComputeColumns),
            ("model,metric\nLlama-2-7B,0.5\n", 1, .noPromptColumns),
            ("model,shots,metric\nLlama-2-7B,3,1.5\n", 2, .outsideUnitInterval(column: "metric", token: "1.5")),
            ("model,shots,metric\n", nil, .noRecords),
            ("", nil, .empty),
            ("compute,n_pmt,metric\n1e23,100,0.5\n", 1, .noContextColumn),
            ("compute,n_ctx,metric\n1e23,8k,0.5\n", 1, .noPromptColumns),
            ("model,n_pmt,metric\n,100,0.5\n", 2, .noCompute),
            ("model,n_pmt,metric\nLlama-2-7B,,0.5\n", 2, .noPrompt),
            ("model,n_pmt,shots,metric\nLlama-2-7B,,,0.5\n", 2, .emptyCell(column: "shots")),
            ("model,n_pmt,metric\nLlama-2-7B,100,\n", 2, .emptyCell(column: "metric")),
            ("model,shots,metric\nLlama-2-7B,2.5,0.5\n", 2, .notWhole(column: "shots", token: "2.5")),
        ]
        for (text, line, problem) in cases {
            XCTAssertThrowsError(try reader.parse(text: text, file: "mine.csv"), text) { error in
                XCTAssertEqual(error as? DataFileError, DataFileError(file: "mine.csv", line: line, problem), text)
            }
        }
        // A record naming a model the presets do not give: the lookup's rejection, at its line.
        XCTAssertThrowsError(
            try reader.parse(text: "model,shots,metric\nLlama-2-7B,3,0.5\nGPT-5,3,0.5\n", file: "mine.csv")
        ) { error in
            let rejection = error as? DataFileError
            XCTAssertEqual(rejection?.line, 3)
            guard case .preset(.unknown(.model, "GPT-5", _, _)) = rejection?.problem else { return XCTFail("\(error)") }
        }
        // A bad number is a typed rejection naming the file's line, the column and the token.
        let numbers: [(String, String, String, QuantityError.Problem)] = [
            ("model,shots,metric\nLlama-2-7B,3,abc\n", "metric", "abc", .notANumber),
            ("model,shots,metric\nLlama-2-7B,3,nan\n", "metric", "nan", .notANumber),
            ("model,shots,metric\nLlama-2-7B,-3,0.5\n", "shots", "-3", .negative),
        ]
        for (text, column, token, problem) in numbers {
            XCTAssertThrowsError(try reader.parse(text: text, file: "mine.csv"), token) { error in
                let rejection = error as? QuantityError
                XCTAssertEqual(rejection?.location, "mine.csv:2")
                XCTAssertEqual(rejection?.what, column)
                XCTAssertEqual(rejection?.token, token)
                XCTAssertEqual(rejection?.problem, problem)
            }
        }
    }
}
