import Foundation
import XCTest

@testable import Planner

/// Every numeric field of every preset kind, set out of range in a file of its own: each file
/// is reported with its path, the field and the value, and everything else still loads.
final class PresetValidationTests: XCTestCase {
    /// A bundled preset with fields (dotted paths into the JSON) replaced.
    private func edited(_ file: String, _ edits: [(String, Any)]) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.presets + "/" + file))
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        for (field, value) in edits { json = set(json, path: field.split(separator: ".").map(String.init), to: value) }
        return try JSONSerialization.data(withJSONObject: json)
    }

    private func set(_ object: [String: Any], path: [String], to value: Any) -> [String: Any] {
        var object = object
        guard let key = path.first else { return object }
        if path.count == 1 {
            object[key] = value
        } else {
            object[key] = set(object[key] as? [String: Any] ?? [:], path: Array(path.dropFirst()), to: value)
        }
        return object
    }

    /// (file to vary, field as it is named in the message, JSON edits, the value as printed)
    private typealias Case = (base: String, field: String, edits: [(String, Any)], printed: String)

    private let taskCases: [Case] = [
        ("tasks/arithmetic.json", "parameters.A", [("parameters.A", 0)], "0"),
        ("tasks/arithmetic.json", "parameters.Cc", [("parameters.Cc", 1e31)], "1e31"),
        ("tasks/arithmetic.json", "parameters.alpha", [("parameters.alpha", -0.26)], "-0.26"),
        ("tasks/arithmetic.json", "parameters.B", [("parameters.B", 101)], "101"),
        ("tasks/arithmetic.json", "parameters.nc", [("parameters.nc", 1e6)], "1000000"),
        ("tasks/arithmetic.json", "parameters.beta", [("parameters.beta", 1e300)], "1e300"),
        ("tasks/arithmetic.json", "parameters.s", [("law", "soft"), ("parameters.s", 0)], "0"),
        ("tasks/arithmetic.json", "prompt.base_tokens", [("prompt.base_tokens", 0.5)], "0.5"),
        ("tasks/arithmetic.json", "prompt.shot_tokens", [("prompt.shot_tokens", 1e-300)], "1e-300"),
        ("tasks/arithmetic.json", "fit_range.compute_min", [("fit_range.compute_min", 0)], "0"),
        ("tasks/arithmetic.json", "fit_range.compute_max", [("fit_range.compute_max", 1e300)], "1e300"),
        ("tasks/arithmetic.json", "fit_range.n_ctx_min", [("fit_range.n_ctx_min", -4096)], "-4096"),
        ("tasks/arithmetic.json", "fit_range.n_ctx_max", [("fit_range.n_ctx_max", 0)], "0"),
        ("tasks/arithmetic.json", "fit_range.n_pmt_min", [("fit_range.n_pmt_min", 0)], "0"),
        ("tasks/arithmetic.json", "fit_range.n_pmt_max", [("fit_range.n_pmt_max", 0.25)], "0.25"),
        ("tasks/arithmetic.json", "fit_range.n_ctx_min", [("fit_range.n_ctx_min", 262_144)], "262144"),
        ("tasks/arithmetic.json", "paper_errors.mae", [("paper_errors.mae", 2)], "2"),
        ("tasks/arithmetic.json", "paper_errors.heldout_mae", [("paper_errors.heldout_mae", -0.1)], "-0.1"),
    ]

    private let modelCases: [Case] = [
        ("models/llama-2-7b.json", "n_layers", [("n_layers", 1e300)], "1e300"),
        ("models/llama-2-7b.json", "n_layers", [("n_layers", -32)], "-32"),
        ("models/llama-2-7b.json", "n_layers", [("n_layers", 31.5)], "31.5"),
        ("models/llama-2-7b.json", "d_attn", [("d_attn", 0)], "0"),
        ("models/llama-2-7b.json", "d_model", [("d_model", -4096)], "-4096"),
        ("models/llama-2-7b.json", "extension_tokens", [("extension_tokens", -1e9)], "-1e9"),
        ("models/llama-2-7b.json", "non_embedding_params", [("non_embedding_params", 0.5)], "0.5"),
        ("models/llama-2-7b.json", "pretrain_tokens", [("pretrain_tokens", 1e-300)], "1e-300"),
        ("models/llama-2-7b.json", "n_ctx", [("n_ctx", 0)], "0"),
        ("models/llama-2-7b.json", "compute_paper", [("compute_paper", -1)], "-1"),
        (
            "models/llama-2-7b.json", "non_embedding_params",
            [("non_embedding_params", 1e40), ("pretrain_tokens", 1e40)], "6e80"
        ),
    ]

    private let hardwareCases: [Case] = [
        ("hardware/h100-sxm.json", "bf16_dense_flops_per_second", [("bf16_dense_flops_per_second", 0)], "0"),
        ("hardware/h100-sxm.json", "bf16_dense_flops_per_second", [("bf16_dense_flops_per_second", -1e15)], "-1e15"),
        ("hardware/h100-sxm.json", "bf16_dense_flops_per_second", [("bf16_dense_flops_per_second", 1e300)], "1e300"),
    ]

    func testEveryOutOfRangeFieldIsReportedWithFileFieldAndValueWhileTheRestLoad() throws {
        let dir = Fixtures.temporaryDirectory()
        var expected: [(path: String, field: String, printed: String)] = []
        for (i, c) in (taskCases + modelCases + hardwareCases).enumerated() {
            let kind = String(c.base.split(separator: "/")[0])
            try FileManager.default.createDirectory(atPath: "\(dir)/\(kind)", withIntermediateDirectories: true)
            // A name of its own, so that the bad file replaces nothing: only the problem shows.
            let path = "\(dir)/\(kind)/bad-\(i).json"
            try edited(c.base, c.edits + [("name", "bad-\(i)")]).write(to: URL(fileURLWithPath: path))
            expected.append((path, c.field, c.printed))
        }
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: true)
        try #"{"name": "Fine-1B", "non_embedding_params": 1e9, "pretrain_tokens": 2e12, "n_ctx": 4096}"#
            .write(toFile: dir + "/models/fine.json", atomically: false, encoding: .utf8)

        let reported = Reports()
        let library = PresetLibrary(directories: [dir], bundled: Fixtures.presets, report: reported.add)
        XCTAssertEqual(Set(library.taskNames), ["arithmetic", "commonsense", "translation"])
        XCTAssertEqual(library.models.count, Fixtures.bundledModelCount + 1, "the bundled models and the good user one")
        XCTAssertEqual(library.hardware.count, 5)
        XCTAssertEqual(reported.all.count, expected.count, "\(reported.all)")
        for e in expected {
            let problems = reported.all.skippedPresets.filter { $0.path == e.path }.map(\.problem)
            XCTAssertEqual(problems.count, 1, "\(e.path): \(problems)")
            guard let problem = problems.first else { continue }
            guard let (field, value, range) = problem.outOfRangeFacts else {
                XCTFail("\(e.path): \(problem)")
                continue
            }
            XCTAssertEqual(field, e.field)
            XCTAssertEqual(value, try XCTUnwrap(Double(e.printed)), accuracy: abs(value) * 1e-15, "\(e.path)")
            XCTAssertFalse(range?.contains(value) ?? false, "\(e.path): \(value) is outside the range it names")
        }
        // Reading the same files again reports nothing new.
        _ = library.models
        XCTAssertEqual(library.problems.count, expected.count)
    }

    func testTheAcceptedRangeIsNamed() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        try edited("tasks/arithmetic.json", [("parameters.beta", 1e300)])
            .write(to: URL(fileURLWithPath: dir + "/tasks/arithmetic.json"))
        let library = PresetLibrary(directories: [dir], bundled: Fixtures.presets)
        // The bad user file is skipped; the bundled preset of the same name stands.
        XCTAssertEqual(try library.task("arithmetic").law.parameters!.beta, 0.56)
        let exponent = AcceptedRange(lower: 0, upper: 10, openBelow: true, unit: .lawParameter("an exponent"))
        XCTAssertEqual(
            library.problems,
            [
                .skippedPreset(
                    path: "\(dir)/tasks/arithmetic.json",
                    .outOfRange(field: "parameters.beta", value: 1e300, accepted: exponent))
            ])
    }

    func testABadDrawIsNamedByItsIndex() throws {
        var task = try Fixtures.library.task("translation")
        task.draws = [task.law, task.law]
        let dir = Fixtures.temporaryDirectory()
        try PresetLibrary.save(task, to: dir + "/t.json", overwrite: false)
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/t.json"))
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        // Saved a column per parameter: the second draw's beta is the second value of "beta".
        var draws = try XCTUnwrap(json["draws"] as? [String: [Double]])
        draws["beta"]?[1] = 1e300
        json["draws"] = draws
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: dir + "/t.json"))
        XCTAssertThrowsError(try PresetLibrary.loadTask(path: dir + "/t.json")) { error in
            guard case .invalidTaskFile(_, .outOfRange("draws[1].beta", 1e300, _)) = error as? PresetError else {
                return XCTFail("\(error)")
            }
        }
    }
}

extension PresetFileProblem {
    /// The field, the value and the range it is outside of, for a rejected number (nil for a
    /// range the problem does not state, such as a minimum above its maximum).
    fileprivate var outOfRangeFacts: (field: String, value: Double, range: AcceptedRange?)? {
        switch self {
        case .outOfRange(let field, let value, let accepted): return (field, value, accepted)
        case .minAboveMax(let quantity, let min, _): return ("fit_range.\(quantity)_min", min, nil)
        case .computeOutOfRange(let flops, let accepted): return ("non_embedding_params", flops, accepted)
        case .fewerThanOneParameter(let compute, _): return ("compute_paper", compute, nil)
        default: return nil
        }
    }
}
