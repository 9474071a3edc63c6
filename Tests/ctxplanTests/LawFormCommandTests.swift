import ContextScaling
import Foundation
import Planner
import XCTest

@testable import ctxplan

/// fit, compare, show, presets and plot answers: every form's parameters, the CSV tables, the
/// plot's extrapolation note.
final class LawFormCommandTests: XCTestCase {
    /// The repository's bundled presets.
    static let library = PresetLibrary(directories: [
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Presets")
            .standardizedFileURL.path
    ])

    static func jsonObject(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// `show FILE --json` lists every parameter of the preset's form with the stored value, and
    /// the text lists every name (the soft law's `s` was missing).
    func testShowListsEveryParameterOfEveryForm() throws {
        let dir = TestFolders.path("forms")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let library = Self.library
        for form in AnyLawForm.allCases {
            var task = try library.task("arithmetic")
            task.name = "mine-\(form.rawValue)"
            task.law = form.law(
                values: form.parameters.map { p in
                    p.value((p.searchInterval.lower + p.searchInterval.upper) / 2)
                })
            let path = dir + "/\(task.name).json"
            try PresetLibrary.save(task, to: path, overwrite: false)
            let json = try Harness.run(["show", path, "--json"])
            XCTAssertEqual(json.status, 0, json.stderr)
            let params = try XCTUnwrap(try Self.jsonObject(json.stdout)["params"] as? [String: Double])
            // To an ulp: Foundation's JSON reader can round the last digit (0.004999999999999893,
            // the decay offset's mid-search value, reads back one ulp lower).
            XCTAssertEqual(Set(params.keys), Set(form.parameters.map(\.name)))
            for (parameter, value) in zip(form.parameters, task.law.values) {
                XCTAssertEqual(params[parameter.name]!, value, accuracy: 1e-15 * abs(value), parameter.name)
            }
            let text = try Harness.run(["show", path])
            let line = try XCTUnwrap(text.stdout.split(separator: "\n").first { $0.hasPrefix("parameters") })
            let names = line.split(separator: " ").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            XCTAssertEqual(names, form.parameters.map(\.name), String(line))
        }
    }

    /// compare's preferred law has the lowest leave-one-model-out error; its BIC is recomputed
    /// here from each fit's residuals; its CSV has one row per law with the JSON's numbers and a
    /// column per parameter.
    func testCompareChoosesTheLowestCrossValidatedErrorAndItsCSVHasOneRowPerLaw() throws {
        let planner = Planner(library: Self.library)
        let records = try planner.fitRecords(file: nil, task: "translation").records
        let comparison = try planner.compare(name: "translation", records: records, seed: 0, threshold: 10_000)
        let bic = comparison.entries.map { entry -> Double in
            let n = Double(entry.fit.result.residuals.count)
            let sse = entry.fit.result.residuals.reduce(0) { $0 + $1 * $1 }
            return n * log(sse / n) + log(n) * Double(entry.form.parameters.count)
        }
        // Two compute levels: too few sizes to backtest forward, and the paper's law is kept.
        XCTAssertEqual(comparison.preferred, .paper)
        XCTAssertEqual(comparison.reason, .tooFewSizes)
        for (entry, expected) in zip(comparison.entries, bic) {
            XCTAssertEqual(entry.fit.result.bic, expected, accuracy: 1e-9 * abs(expected), entry.form.rawValue)
        }

        let csv = try XCTUnwrap(comparison.csv)
        XCTAssertEqual(
            csv.header,
            [
                "law", "preferred", "mae", "heldout_mae", "cv_mae", "forward_mae", "forward_coverage",
                "identifiable", "aic", "bic", "A", "Cc", "alpha", "B", "nc", "beta", "s", "floor", "c", "g", "u", "a",
                "alpha_N", "b", "beta_D",
            ])
        XCTAssertEqual(csv.rows.count, AnyLawForm.allCases.count)
        for (row, entry) in zip(csv.rows, comparison.entries) {
            XCTAssertEqual(row[0], .text(entry.form.rawValue))
            XCTAssertEqual(row[1], .text(entry.form == comparison.preferred ? "yes" : "no"))
            XCTAssertEqual(row[4], .number(entry.cvMAE))
            XCTAssertEqual(row[9], .number(entry.fit.result.bic))
            let hasS = entry.form == .soft || entry.form == .decay
            XCTAssertEqual(row[16], .number(hasS ? entry.fit.result.law.values[6] : nil))
        }
        let json = try Self.jsonObject(comparison.json.text)
        XCTAssertEqual(json["preferred"] as? String, comparison.preferred.rawValue)
        XCTAssertEqual(json["reason"] as? String, "too_few_sizes")
    }

    /// fit's CSV: both residual tables, each row's MAE the mean absolute residual of that
    /// model's records, recomputed here from the fitted law.
    func testFitCSVHoldsBothResidualTables() throws {
        let planner = Planner(library: Self.library)
        let records = try planner.fitRecords(file: nil, task: "translation").records
        let report = try planner.fit(name: "translation", records: records, form: .paper, seed: 0)
        let csv = try XCTUnwrap(FitAnswer(report: report, saved: nil).csv)
        XCTAssertEqual(csv.header, ["table", "name", "mae", "n"])
        XCTAssertEqual(csv.rows.count, report.byModel.count + report.byPrompt.count)
        let law = report.result.law
        for row in csv.rows where row[0] == .text("model") {
            guard case .text(let model) = row[1], case .number(let mae?) = row[2] else { return XCTFail("\(row)") }
            let mine = records.filter { $0.model == model }
            let residuals = mine.map {
                $0.metric - law.score(flops: $0.flops, promptTokens: $0.nPmt, contextLimit: $0.nCtx)
            }
            let expected = residuals.map(abs).reduce(0, +) / Double(mine.count)
            XCTAssertEqual(mae, expected, accuracy: 1e-12, model)
            XCTAssertEqual(row[3], .integer(mine.count))
        }
        XCTAssertEqual(csv.rows.filter { $0[0] == .text("prompt") }.count, report.byPrompt.count)
    }

    /// Gemma-2-9B's 4e23 FLOPs is 2.6x the arithmetic fit's largest compute, 1.5251e23: plot
    /// says so, as predict does.
    func testPlotWarnsWhereItExtrapolatesAsPredictDoes() throws {
        let expected = "note: 4e23 FLOPs is 2.6x the largest compute the fit saw, 1.5e23 FLOPs"
        XCTAssertEqual(String(format: "%.1f", 4e23 / 1.5251e23), "2.6")
        let plot = try Harness.run(["plot", "--task", "arithmetic", "--model", "gemma-2-9b", "--ascii"])
        XCTAssertEqual(plot.status, 0, plot.stderr)
        XCTAssertTrue(plot.stdout.split(separator: "\n").contains { $0 == expected }, plot.stdout)
        let predict = try Harness.run(["predict", "--task", "arithmetic", "--model", "gemma-2-9b", "--shots", "5"])
        XCTAssertTrue(predict.stdout.split(separator: "\n").contains { $0 == expected }, predict.stdout)
        let plotJSON = try Harness.run(["plot", "--task", "arithmetic", "--model", "gemma-2-9b", "--json"])
        let json = try Self.jsonObject(plotJSON.stdout)
        XCTAssertEqual((json["notes"] as? [Any])?.count, 1)
    }

    func testDrawingsAndPresetsRejectCSVNamingTheCommand() throws {
        for command in [
            ["plot", "--task", "arithmetic"], ["heatmap", "--task", "arithmetic", "--nctx", "8k"],
            ["show", "arithmetic"], ["validate", "--task", "commonsense"],
        ] {
            let r = try Harness.run(command + ["--format", "csv"])
            XCTAssertNotEqual(r.status, 0, command.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains("'\(command[0])'"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
    }

    /// presets --format csv: one row per preset, its kind first, the same names as --json.
    func testPresetsCSVHasOneRowPerPresetWithItsKind() throws {
        let json = try Self.jsonObject(try Harness.run(["presets", "--json"]).stdout)
        let csv = try Harness.run(["presets", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.components(separatedBy: "\r\n").dropLast()
        XCTAssertEqual(lines.first?.hasPrefix("kind,name,"), true)
        var names: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            names[fields[0], default: []].append(fields[1])
        }
        XCTAssertEqual(names["task"], json["tasks"] as? [String])
        XCTAssertEqual(names["model"], json["models"] as? [String])
        XCTAssertEqual(names["hardware"], json["hardware"] as? [String])
    }

    /// The Planner's typed fitting and plotting errors reach the user worded with the flags.
    func testPlannerErrorsAreWordedWithTheFlags() throws {
        let cases: [([String], String)] = [
            (
                ["heatmap", "--task", "arithmetic", "--nctx", "32"],
                "error: --nctx 32 is shorter than arithmetic's zero-shot prompt"
            ),
            (
                ["plot", "--task", "arithmetic", "--compute", "1e23", "--nctx", "32"],
                "(the default --from), is not below"
            ),
            (["plot", "--task", "arithmetic", "--compute", "1e23"], "error: --compute needs --nctx"),
            (["validate", "--task", "arithmetic", "--holdout-above", "1M"], "expected a lower --holdout-above"),
        ]
        for (arguments, expected) in cases {
            let r = try Harness.run(arguments)
            XCTAssertEqual(r.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(expected), r.stderr)
        }
    }

    func testFitWarningCodesAreDistinctSnakeCase() {
        let all: [FitWarning] = [
            .ridge, .oneComputeLevel, .twoComputeLevels, .fewPromptLengths, .oneContextLimit,
            .penaltyUntested, .contextTermsConfoundCompute, .noExtendedModels,
        ]
        XCTAssertEqual(Set(all.map(\.code)).count, all.count)
        for warning in all {
            XCTAssertNotNil(warning.code.range(of: "^[a-z]+(_[a-z]+)*$", options: .regularExpression), warning.code)
            XCTAssertFalse(warning.text.isEmpty)
        }
    }
}
