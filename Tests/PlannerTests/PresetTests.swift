import ContextScaling
import XCTest

@testable import Planner

final class PresetTests: XCTestCase {
    func testBundledPresetsLoadWithoutProblems() {
        let library = PresetLibrary(directories: [], bundled: Fixtures.presets)
        XCTAssertEqual(Set(library.taskNames), ["arithmetic", "commonsense", "translation"])
        XCTAssertEqual(library.models.count, Fixtures.bundledModelCount)
        XCTAssertTrue(Set(["A100-SXM", "H100-SXM", "H200", "B200", "MI300X"]).isSubset(of: Set(library.gpuNames)))
        XCTAssertEqual(library.observations.count, 360)
        XCTAssertEqual(library.ruler.count, 72, "one record per row of Table 2")
        // Presets are read lazily: only now has every file been read.
        XCTAssertEqual(library.problems, [])
    }

    func testTableFourParametersAreTheBundledOnes() throws {
        let p = try Fixtures.library.task("commonsense").law.parameters!
        XCTAssertEqual(p, LawParameters(A: 99.39, Cc: 1.5e28, alpha: 0.40, B: 96.31, nc: 3.5e3, beta: 1.12))
    }

    func testNamesMatchCaseInsensitivelyAndSuggestTheClosest() throws {
        XCTAssertEqual(try Fixtures.library.model("yarn-llama-2-13b-32K").name, "Yarn-Llama-2-13B-32k")
        XCTAssertEqual(try Fixtures.library.gpu("h100").name, "H100-SXM")
        XCTAssertThrowsError(try Fixtures.library.model("llama-2-7")) { error in
            guard case .unknown(.model, "llama-2-7", _, let candidates) = error as? PresetError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(Suggestions.closest(to: "llama-2-7", among: candidates), "Llama-2-7B")
        }
    }

    /// Table 1: each checkpoint's compute, and the base model extended by the recipe gives the same.
    func testResolvedComputeReproducesTableOne() throws {
        let library = Fixtures.library
        for model in library.models where model.role == "fit" {
            let preset = try library.resolve(model: model.name)
            let viaRecipe = try library.resolve(model: model.base, nCtx: model.nCtx)
            XCTAssertEqual(preset.flops, viaRecipe.flops, accuracy: 1)
            let printed = model.computePaper!
            let unit = pow(10, floor(log10(printed)) - 4)
            let isBaseRow = model.extensionTokens == 0
            let rounded = (preset.flops / unit).rounded() * unit
            if isBaseRow {
                XCTAssertNotEqual(rounded, printed, accuracy: unit / 2, "\(model.name) is an erratum")
                XCTAssertEqual(preset.notes, [.erratumTable1(printed: printed, sixND: preset.flops)])
            } else {
                XCTAssertEqual(rounded, printed, accuracy: unit * 1e-6, model.name)
                XCTAssertTrue(preset.notes.isEmpty)
            }
        }
    }

    func testLimitBelowTheNativeOneIsRejected() {
        XCTAssertThrowsError(try Fixtures.library.resolve(model: "llama-2-13b", nCtx: 2048)) { error in
            XCTAssertEqual(error as? PlannerError, .limitBelowNative(limit: 2048, model: "Llama-2-13B", native: 4096))
        }
    }

    /// Table 6 prints Llama-2-7B-32K-PI's compute as 7.777e22 (four figures) and 6ND gives
    /// 7.7774e22, which rounds to it: no erratum. Table 1's Llama-2-7B row, 7.7719e22 at five
    /// figures, is one: 6ND gives 7.7715e22.
    func testAnErratumIsNotedOnlyWhereSixNDMissesThePrintedFigures() throws {
        let pi = try Fixtures.library.resolve(model: "llama-2-7b-32k-pi")
        XCTAssertEqual(pi.flops, 6 * 6_476_271_616 * (2e12 + 1.5e9), accuracy: 1)
        XCTAssertEqual((pi.flops / 1e19).rounded() * 1e19, 7.777e22, accuracy: 1e18, "6ND at four figures")
        XCTAssertTrue(pi.notes.isEmpty, "\(pi.notes)")
        let base = try Fixtures.library.resolve(model: "llama-2-7b")
        XCTAssertEqual(base.notes, [.erratumTable1(printed: 7.7719e22, sixND: 6 * 6_476_271_616 * 2e12)])
        XCTAssertEqual(PresetLibrary.significantFigures(of: 7.777e22), 4)
        XCTAssertEqual(PresetLibrary.significantFigures(of: 1.5227e23), 5)
        XCTAssertEqual(PresetLibrary.significantFigures(of: 2e24), 1)
        XCTAssertEqual(PresetLibrary.significantFigures(of: 0.0105), 3)
    }

    /// Table 4 against Tables 8-10 with n_pmt = base + shots x per-shot tokens: the issue's figures
    /// (about 0.013, 0.040, 0.014), recomputed from the bundled observations.
    func testPaperFitsAgainstTheBundledObservations() throws {
        let expected = ["arithmetic": 0.0130, "commonsense": 0.0404, "translation": 0.0136]
        for (name, mae) in expected {
            let task = try Fixtures.library.task(name)
            let records = Fixtures.library.observations.filter { $0.task == name }
            XCTAssertEqual(records.count, 120)
            let errors = records.map {
                abs($0.metric - task.law.score(flops: $0.flops, promptTokens: $0.nPmt, contextLimit: $0.nCtx))
            }
            XCTAssertEqual(errors.reduce(0, +) / 120, mae, accuracy: 0.0005, name)
        }
    }

    func testMalformedPresetIsReportedWithPathAndFieldWhileTheRestLoad() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        let good = try String(contentsOfFile: Fixtures.presets + "/tasks/arithmetic.json", encoding: .utf8)
        // The first occurrence: the parameters, ahead of the bootstrap draws.
        func replacingFirst(_ old: String, _ new: String) -> String {
            guard let range = good.range(of: old) else { return good }
            return good.replacingCharacters(in: range, with: new)
        }
        try replacingFirst("\"arithmetic\"", "\"mine\"").write(
            toFile: dir + "/tasks/mine.json", atomically: false, encoding: .utf8)
        try replacingFirst("\"alpha\": 0.26", "\"alpha\": -0.26").write(
            toFile: dir + "/tasks/negative.json", atomically: false, encoding: .utf8)
        try replacingFirst("\"beta\": 0.56", "\"beta\": \"x\"").write(
            toFile: dir + "/tasks/typed.json", atomically: false, encoding: .utf8)
        try "{ not json".write(toFile: dir + "/tasks/broken.json", atomically: false, encoding: .utf8)
        let library = PresetLibrary(directories: [Fixtures.presets, dir])
        XCTAssertEqual(Set(library.taskNames), ["arithmetic", "commonsense", "translation", "mine"])
        let skipped = library.problems.skippedPresets
        XCTAssertEqual(library.problems.count, 3)
        XCTAssertEqual(skipped.count, 3)
        let byFile = Dictionary(
            uniqueKeysWithValues: skipped.map { (($0.path as NSString).lastPathComponent, $0.problem) })
        guard case .outOfRange("parameters.alpha", -0.26, _) = byFile["negative.json"] else {
            return XCTFail("\(byFile)")
        }
        guard case .wrongType(field: "parameters.beta", _) = byFile["typed.json"] else { return XCTFail("\(byFile)") }
        XCTAssertEqual(byFile["broken.json"], .notJSON)
    }

    func testAUsersModelNeedsOnlyItsSizeTokensAndLimit() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: true)
        try #"{"name": "My-3B", "non_embedding_params": 2.8e9, "pretrain_tokens": 3e12, "n_ctx": 8192}"#
            .write(toFile: dir + "/models/my.json", atomically: false, encoding: .utf8)
        let library = PresetLibrary(directories: [Fixtures.presets, dir])
        XCTAssertEqual(library.problems, [])
        let extended = try library.resolve(model: "my-3b", nCtx: 32768)
        XCTAssertEqual(extended.extendedFrom, "My-3B")
        XCTAssertEqual(extended.flops, 6 * 2.8e9 * (3e12 + 400 * 64 * 32768), accuracy: 1e9)
    }

    func testSavedPresetRoundTripsAndIsNotOverwrittenWithoutForce() throws {
        let dir = Fixtures.temporaryDirectory()
        var task = try Fixtures.library.task("translation")
        task.name = "mine"
        task.law = ContextScalingLaw(task.law.parameters!, form: .soft, extra: [4.5])
        // Draws are refits of the preset's own form.
        task.draws = task.draws.map { ContextScalingLaw($0.parameters!, form: .soft, extra: [4.5]) }
        let path = dir + "/mine.json"
        try PresetLibrary.save(task, to: path, overwrite: false)
        let back = try PresetLibrary.loadTask(path: path)
        XCTAssertEqual(back.law, task.law)
        XCTAssertEqual(back.tokenLengths, task.tokenLengths)
        XCTAssertEqual(back.fitRange, task.fitRange)
        // Draws load centred on the preset's law (DrawCentring).
        XCTAssertEqual(back.draws, TaskPresetFile.centred(task.draws, on: task.law, range: task.fitRange))
        XCTAssertEqual(back.residuals, task.residuals)
        XCTAssertEqual(back.residuals.count, 120)
        XCTAssertThrowsError(try PresetLibrary.save(task, to: path, overwrite: false))
        XCTAssertNoThrow(try PresetLibrary.save(task, to: path, overwrite: true))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir)
        XCTAssertEqual(leftovers, ["mine.json"], "no temporary file is left behind")
    }
}
