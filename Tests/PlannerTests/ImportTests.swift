import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// The readers of results files, against the known contents of the fixtures in Tests/Fixtures/import.
final class ImportTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/import").standardizedFileURL.path

    func read(_ paths: [String], _ settings: ImportSettings = ImportSettings()) throws -> ImportedData {
        try Fixtures.planner.importResults(paths: paths.map { Self.fixtures + "/" + $0 }, settings: settings)
    }

    func testPaperFolderGivesOneRecordPerInstanceWithItsExactPromptLength() throws {
        let data = try read(["paper-eval"])
        XCTAssertEqual(data.files.count, 3)
        XCTAssertEqual(data.records.count, 7)
        let gsm = data.records.filter { $0.dataset == "gsm" }
        XCTAssertEqual(gsm.map(\.observation.nPmt).sorted(), [95, 101, 330, 341])
        XCTAssertEqual(gsm.map(\.observation.metric).reduce(0, +), 3)
        XCTAssertEqual(Set(gsm.compactMap(\.observation.shots)), [0, 3])
        // `Llama-2-7b-hf` is the preset Llama-2-7B: its compute and limit, from the preset file.
        let preset =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Fixtures.presets + "/models/llama-2-7b.json")))
            as! [String: Any]
        let n = preset["non_embedding_params"] as! Double
        let d = preset["pretrain_tokens"] as! Double
        XCTAssertEqual(gsm[0].observation.model, "Llama-2-7B")
        XCTAssertEqual(gsm[0].observation.flops, 6 * n * d, accuracy: 6 * n * d * 1e-12)
        XCTAssertEqual(gsm[0].observation.nCtx, preset["n_ctx"] as! Double)
        XCTAssertEqual(Set(gsm.compactMap(\.observation.task)), ["arithmetic"])
        let hellaswag = data.records.filter { $0.dataset == "hellaswag" }
        XCTAssertEqual(hellaswag.first?.observation.model, "Yarn-Llama-2-13B-64k")
        XCTAssertEqual(hellaswag.first?.observation.nCtx, 65536)
        XCTAssertEqual(hellaswag.first?.observation.task, "commonsense")
        XCTAssertTrue(data.records.allSatisfy { $0.promptSource == .measured && $0.format == .paperEval })
    }

    func testATaskKeepsItsGroupOrOneDatasetFittedAlone() throws {
        let arithmetic = try read(["paper-eval"], ImportSettings(task: "arithmetic"))
        XCTAssertEqual(Set(arithmetic.records.map(\.dataset)), ["gsm"])
        XCTAssertEqual(Set(arithmetic.records.compactMap(\.observation.task)), ["arithmetic"])
        let alone = try read(["paper-eval"], ImportSettings(task: "HellaSwag"))
        XCTAssertEqual(alone.records.count, 3)
        XCTAssertEqual(Set(alone.records.compactMap(\.observation.task)), ["hellaswag"])
        XCTAssertThrowsError(try read(["paper-eval"], ImportSettings(task: "piqa"))) { error in
            XCTAssertEqual(error as? ImportError, .taskNotFound(task: "piqa", available: ["gsm", "hellaswag"]))
        }
    }

    func testDatasetGroupsFollowThePaper() {
        for name in ["gsm", "math", "aqua-rat", "deepmind-math", "gsm8k"] {
            XCTAssertEqual(DatasetGroups.task(forDataset: name), "arithmetic", name)
        }
        for name in [
            "piqa", "siqa", "openbookqa", "hellaswag", "winogrande", "arc-easy", "ARC_Challenge", "commonsenseqa",
        ] {
            XCTAssertEqual(DatasetGroups.task(forDataset: name), "commonsense", name)
        }
        for pair in ["cs", "de", "fr", "hi", "ru"] {
            XCTAssertEqual(DatasetGroups.task(forDataset: "wmt14-\(pair)-en"), "translation", pair)
        }
        XCTAssertNil(DatasetGroups.task(forDataset: "toy_mc"))
    }

    /// A legacy file without samples: the first metric as the file writes it (acc, not acc_norm,
    /// which sorts first), shots from config.num_fewshot, and n_pmt from the common-sense preset's
    /// lengths, which arc_easy groups into.
    func testLegacyHarnessFile() throws {
        let data = try read(["lm-eval-0.3"])
        XCTAssertEqual(data.records.count, 1)
        let r = try XCTUnwrap(data.records.first)
        XCTAssertEqual(r.format, .legacyHarness)
        XCTAssertEqual(r.observation.metric, 0.71)
        XCTAssertEqual(r.metricName, "acc")
        XCTAssertEqual(r.observation.shots, 5)
        XCTAssertEqual(r.observation.model, "Llama-2-7B")
        let task =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Fixtures.presets + "/tasks/commonsense.json")))
            as! [String: Any]
        let prompt = task["prompt"] as! [String: Double]
        XCTAssertEqual(r.observation.nPmt, prompt["base_tokens"]! + 5 * prompt["shot_tokens"]!, accuracy: 1e-9)
        XCTAssertEqual(r.promptSource, .shotLengths)
        let norm = try read(["lm-eval-0.3"], ImportSettings(metric: "acc norm"))
        XCTAssertEqual(norm.records.first?.observation.metric, 0.68)
        let given = try read(
            ["lm-eval-0.3"], ImportSettings(shotLengths: PromptLayout(baseTokens: 100, shotTokens: 50)))
        XCTAssertEqual(given.records.first?.observation.nPmt, 350)
        XCTAssertThrowsError(try read(["lm-eval-0.3"], ImportSettings(metric: "f1"))) { error in
            guard case .unknownMetric(_, "arc_easy", "f1", let available) = error as? ImportError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(available, ["acc", "acc_norm"])
        }
    }

    /// An unknown model and a truncated file in one folder are named in one error, so that a
    /// user does not fix one only to meet the other; with --skip-bad the file is passed over.
    func testAnUnknownModelAndAnUnreadableFileAreNamedTogether() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #"{"results": {"piqa": {"acc": 0.6}}, "config": {"model_args": "pretrained=acme/Tiny-1B", "num_fewshot": 0}}"#
            .write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        // Cut in the middle of a key: the text ends at line 1, column 17.
        try #"{"results": {"pi"#.write(toFile: folder + "/b.json", atomically: true, encoding: .utf8)
        let cut = SkippedFile(
            file: folder + "/b.json", reason: .jsonSyntax(file: folder + "/b.json", line: 1, column: 17, expected: .moreText))
        for skipBad in [false, true] {
            var settings = ImportSettings()
            settings.skipBad = skipBad
            XCTAssertThrowsError(try Fixtures.planner.importResults(paths: [folder], settings: settings)) {
                guard case .unknownModels(let models, let unreadable) = $0 as? ImportError else { return XCTFail("\($0)") }
                XCTAssertEqual(models.map(\.name), ["acme/Tiny-1B"])
                XCTAssertEqual(unreadable, skipBad ? [] : [cut])
            }
        }
    }

    func testAModelNoPresetKnowsStopsTheImportUnlessTheTableHasIt() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = """
            {"results": {"piqa": {"acc": 0.62}}, "config": {"model_args": "pretrained=acme/Tiny-1B,dtype=bf16",
            "num_fewshot": 0, "model_num_parameters": 1100000000}}
            """
        try results.write(toFile: folder + "/r.json", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Fixtures.planner.importResults(paths: [folder], settings: ImportSettings())) {
            XCTAssertEqual(
                $0 as? ImportError,
                .unknownModels([
                    SeenModel(name: "acme/Tiny-1B", file: folder + "/r.json", known: false, parametersWithEmbeddings: 1.1e9)
                ]))
        }
        try "name,params,tokens,n_ctx\nTiny-1B,0.9B,3T,2k\n".write(
            toFile: folder + "/models.csv", atomically: true, encoding: .utf8)
        let table = try ModelTable.read(path: folder + "/models.csv")
        let data = try Fixtures.planner.importResults(
            paths: [folder + "/r.json"], settings: ImportSettings(models: table))
        let r = try XCTUnwrap(data.records.first)
        XCTAssertEqual(r.observation.flops, 6 * 0.9e9 * 3e12, accuracy: 1e9)
        XCTAssertEqual(r.observation.nCtx, 2048)
        XCTAssertEqual(r.params, 0.9e9)
    }

    func testPercentScoresAreRecognised() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results =
            #"{"results": {"piqa": {"acc": 62.5}}, "#
            + #""config": {"model_args": "pretrained=x/Llama-2-7b-hf", "num_fewshot": 0}}"#
        try results.write(toFile: folder + "/r.json", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Fixtures.planner.importResults(paths: [folder], settings: ImportSettings())) {
            XCTAssertEqual(
                $0 as? ImportError,
                .skippedFiles([
                    SkippedFile(
                        file: folder + "/r.json",
                        reason: .percentScale(file: folder + "/r.json", field: "results.piqa.acc", value: 62.5))
                ]))
        }
        let data = try Fixtures.planner.importResults(paths: [folder], settings: ImportSettings(percentScores: true))
        XCTAssertEqual(data.records.first?.observation.metric, 0.625)
    }

    /// Token lengths measured from records: the least-squares line through (shots, n_pmt).
    func testTokenLengthsFromShotsAndPrompts() {
        func record(_ shots: Int, _ nPmt: Double) -> Observation {
            Observation(
                task: nil, model: nil, flops: 1e23, nCtx: 4096, nPmt: nPmt, shots: shots, metric: 0.5, origin: "")
        }
        // Lengths 100 + 50 shots, with +-3 that cancel within each shot count.
        let records = [0, 1, 3, 7].flatMap { k in
            [record(k, 100 + 50 * Double(k) + 3), record(k, 100 + 50 * Double(k) - 3)]
        }
        let layout = Planner.tokenLengths(of: records)
        XCTAssertEqual(layout?.baseTokens ?? 0, 100, accuracy: 1e-9)
        XCTAssertEqual(layout?.shotTokens ?? 0, 50, accuracy: 1e-9)
        XCTAssertNil(Planner.tokenLengths(of: [record(3, 300), record(3, 310)]), "one shot count fixes no slope")
    }

    /// Results lm-evaluation-harness 0.4.9.1 wrote itself (see the fixture's README): scores from
    /// `results`, shots from `n-shot`, and prompt lengths from the samples' prompt texts, whose
    /// mean lengths (27.83 and 129.83 characters at 0 and 3 shots) Python's len() gives.
    func testHarnessResultsWithSamples() throws {
        let table = ModelTable(entries: [.init(name: "dummy", params: 1e8, tokens: 2e10, nCtx: 2048)])
        let data = try read(["lm-eval-0.4"], ImportSettings(models: table))
        XCTAssertEqual(data.files.count, 2)
        XCTAssertTrue(data.files.allSatisfy { $0.format == .harness })
        XCTAssertEqual(data.records.count, 4)
        let mc = data.records.filter { $0.dataset == "toy_mc" }.sorted { $0.observation.shots! < $1.observation.shots! }
        XCTAssertEqual(mc.map(\.observation.shots), [0, 3])
        XCTAssertEqual(mc.map(\.observation.metric), [0.5, 0.5])
        XCTAssertEqual(mc.map(\.metricName), ["acc", "acc"], "the config's first listed metric")
        XCTAssertEqual(mc[0].observation.nPmt, 167.0 / 6 / 4, accuracy: 1e-9)
        XCTAssertEqual(mc[1].observation.nPmt, 779.0 / 6 / 4, accuracy: 1e-9)
        XCTAssertTrue(mc.allSatisfy { $0.promptSource == .estimated })
        XCTAssertEqual(mc[0].observation.flops, 6 * 1e8 * 2e10)
        let gen = data.records.filter { $0.dataset == "toy_gen" }
        XCTAssertEqual(gen.map(\.observation.metric), [0, 0])
        XCTAssertEqual(gen.first?.metricName, "exact_match")

        let one = try read(
            ["lm-eval-0.4"], ImportSettings(task: "toy_mc", metric: "acc_norm", charsPerToken: 3.5, models: table))
        XCTAssertEqual(Set(one.records.map(\.dataset)), ["toy_mc"])
        XCTAssertEqual(one.records.map(\.metricName), ["acc_norm", "acc_norm"])
        XCTAssertEqual(
            one.records.map(\.observation.nPmt).sorted()[1], 779.0 / 6 / 3.5, accuracy: 1e-9)
        XCTAssertThrowsError(try read(["lm-eval-0.4"])) {
            guard case .unknownModels(let models, _) = $0 as? ImportError, models.map(\.name) == ["dummy"] else {
                return XCTFail("\($0)")
            }
        }
    }

    /// A 0.4 file whose `config.model_args` is an object names the model by its `pretrained` key.
    func testModelArgumentsAsAnObject() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = """
            {"results": {"piqa": {"acc,none": 0.7, "acc_stderr,none": "N/A", "alias": "piqa"}},
            "n-shot": {"piqa": 2}, "config": {"model_args": {"pretrained": "meta-llama/Llama-2-13b-hf"}}}
            """
        try results.write(toFile: folder + "/results_x.json", atomically: true, encoding: .utf8)
        let data = try Fixtures.planner.importResults(paths: [folder], settings: ImportSettings())
        XCTAssertEqual(data.records.first?.observation.model, "Llama-2-13B")
        XCTAssertEqual(data.records.first?.observation.metric, 0.7)
        XCTAssertEqual(data.records.first?.observation.shots, 2)
        XCTAssertEqual(data.records.first?.format, .harness)
    }
}
