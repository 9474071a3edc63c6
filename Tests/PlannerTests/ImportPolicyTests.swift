import Foundation
import XCTest

@testable import Planner

/// Imports never drop a file silently: each malformed file gets its named answer, values of the
/// wrong kind are rejected by field, and the streamed JSON reader reads what JSONSerialization
/// reads.
final class ImportPolicyTests: XCTestCase {
    private var folder = ""

    override func setUp() { folder = Fixtures.temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func harness(_ scores: String, task: String = "piqa") -> String {
        #"{"results": {"\#(task)": {\#(scores)}}, "n-shot": {"\#(task)": 0}, "#
            + #""config": {"model_args": "pretrained=x/Llama-2-7b-hf", "num_fewshot": 0}}"#
    }

    private func importing(_ settings: ImportSettings = ImportSettings()) throws -> ImportedData {
        try Fixtures.planner.importResults(paths: [folder], settings: settings)
    }

    /// The one reason the import gives for `path`.
    private func reason(_ path: String, _ settings: ImportSettings = ImportSettings()) -> ImportError? {
        do {
            _ = try importing(settings)
            return nil
        } catch ImportError.skippedFiles(let skipped) {
            return skipped.first { $0.file == path }?.reason
        } catch {
            return error as? ImportError
        }
    }

    func testSyntaxErrorsGiveTheirLineAndColumn() throws {
        let path = try write("bad.json", "{\n  \"results\": {\n    \"piqa\": {\"acc\": 0.5,}\n  }\n}\n")
        XCTAssertEqual(reason(path), .jsonSyntax(file: path, line: 3, column: 25, expected: .key))
        let other = try write("bad.json", "{\"a\": 1 \"b\": 2}")
        XCTAssertEqual(reason(other), .jsonSyntax(file: other, line: 1, column: 9, expected: .commaOrEnd))
    }

    /// A paper-eval file cut off mid-write is named as truncated, not passed over.
    func testATruncatedPaperEvalFileIsNamed() throws {
        let source = ImportTests.fixtures + "/paper-eval/gsm/dataset=gsm,model=Llama-2-7b-hf,shots=3,local_seed=31337.json"
        let text = try String(contentsOfFile: source, encoding: .utf8)
        let cut = String(text.prefix(text.count * 2 / 3))
        let path = try write("dataset=gsm,model=Llama-2-7b-hf,shots=3,local_seed=31337.json", cut)
        let lines = cut.split(separator: "\n", omittingEmptySubsequences: false)
        guard case .jsonSyntax(path, let line, _, .moreText)? = reason(path) else {
            return XCTFail("\(String(describing: reason(path)))")
        }
        XCTAssertEqual(line, lines.count)
    }

    func testNaNInAStandardErrorIsNoStandardErrorButInAScoreIsRejected() throws {
        _ = try write("ok.json", harness(#""acc,none": 0.75, "acc_stderr,none": NaN"#))
        XCTAssertEqual(try importing().records.map(\.observation.metric), [0.75])
        let path = try write("ok.json", harness(#""acc,none": NaN, "acc_stderr,none": 0.01"#))
        XCTAssertEqual(reason(path), .badField(file: path, field: "results.piqa.acc,none", expected: .number))
    }

    func testBooleansTextAndNullWhereANumberGoesAreRejectedByField() throws {
        for value in ["true", "\"0.5\"", "null", "\"N/A\""] {
            let path = try write("r.json", harness(#""acc,none": \#(value), "acc_norm,none": 0.6"#))
            XCTAssertEqual(
                reason(path), .badField(file: path, field: "results.piqa.acc,none", expected: .number),
                "\(value) must not be read, nor acc_norm taken in its place")
        }
        let chosen = try write("r.json", harness(#""acc,none": 0.5, "acc_norm,none": null"#))
        var settings = ImportSettings(metric: "acc_norm")
        XCTAssertEqual(
            reason(chosen, settings), .badField(file: chosen, field: "results.piqa.acc_norm,none", expected: .number))
        settings.metric = "acc"
        XCTAssertEqual(try importing(settings).records.map(\.observation.metric), [0.5])
    }

    func testSkippedFilesAreAllNamedAndSkipBadReadsTheRest() throws {
        let good = try write("a/good.json", harness(#""acc,none": 0.75"#))
        let empty = try write("b/empty.json", #"{"results": {}, "config": {"num_fewshot": 0}}"#)
        let broken = try write("c/broken.json", "{\"results\": ")
        _ = try write("d/preset.json", #"{"name": "a task preset"}"#)
        XCTAssertThrowsError(try importing()) { error in
            guard case ImportError.skippedFiles(let skipped) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(skipped.map(\.file), [empty, broken])
            XCTAssertEqual(skipped.first?.reason, .emptyList(file: empty, field: "results"))
        }
        var settings = ImportSettings()
        settings.skipBad = true
        let data = try importing(settings)
        XCTAssertEqual(data.files.map(\.path), [good])
        XCTAssertEqual(data.skipped.map(\.file), [empty, broken])
        XCTAssertEqual(data.passedOver, [folder + "/d/preset.json"])
    }

    func testARunThatReadsNothingIsAnError() throws {
        _ = try write("empty.json", #"{"results": {}, "config": {"num_fewshot": 0}}"#)
        var settings = ImportSettings()
        settings.skipBad = true
        XCTAssertThrowsError(try importing(settings)) {
            XCTAssertEqual($0 as? ImportError, .nothingRead(paths: [folder]))
        }
    }

    func testTheOutputFileIsNeverReadBack() throws {
        _ = try write("r.json", harness(#""acc,none": 0.75"#))
        let out = try write("all.csv", "model,n_pmt,metric\nLlama-2-7B,100,0.5\n")
        let data = try Fixtures.planner.importResults(paths: [folder], settings: ImportSettings(), excluding: out)
        XCTAssertEqual(data.records.count, 1)
        XCTAssertEqual(try importing().records.count, 2, "read when it is not the output")
    }

    /// The streamed reader gives each fixture instance's prompt length and score as
    /// JSONSerialization reads them.
    func testStreamedPaperEvalReadsWhatJSONSerializationReads() throws {
        let data = try Fixtures.planner.importResults(
            paths: [ImportTests.fixtures + "/paper-eval"], settings: ImportSettings())
        var expected: [String: [(Double, Double)]] = [:]
        for file in Set(data.records.map(\.source)) {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
            let instances = try XCTUnwrap((json as? [String: Any])?["instances"] as? [[String: Any]])
            expected[file] = instances.map {
                (($0["prompt_length"] as? NSNumber)?.doubleValue ?? -1, ($0["metric_value"] as? NSNumber)?.doubleValue ?? -1)
            }
        }
        for (file, pairs) in expected {
            let read = data.records.filter { $0.source == file }.map { ($0.observation.nPmt, $0.observation.metric) }
            XCTAssertEqual(read.map(\.0), pairs.map(\.0), file)
            XCTAssertEqual(read.map(\.1), pairs.map(\.1), file)
        }
    }

    /// A fit counts the instances of every seed, and holds each distinct one once.
    func testAFitFoldsInstancesAlikeAcrossFiles() throws {
        let source = ImportTests.fixtures + "/paper-eval/gsm/dataset=gsm,model=Llama-2-7b-hf,shots=3,local_seed=31337.json"
        let text = try String(contentsOfFile: source, encoding: .utf8)
        for seed in [1, 2, 3] { _ = try write("dataset=gsm,model=Llama-2-7b-hf,shots=3,local_seed=\(seed).json", text) }
        let imported = try importing()
        let fit = try Fixtures.planner.fitRecords(paths: [folder], settings: ImportSettings())
        XCTAssertEqual(fit.records.observationCount, imported.records.count)
        XCTAssertEqual(fit.records.count * 3, imported.records.count)
        XCTAssertEqual(
            Set(fit.records.map { "\($0.nPmt) \($0.metric)" }), Set(imported.records.map { "\($0.observation.nPmt) \($0.observation.metric)" }))
    }

    /// Numbers as the standard library reads them, over the fast path's edges and beyond.
    func testNumbersReadAsTheLibraryReadsThem() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "1.0", "0.1", "1e22", "1e23", "123456789012345", "1234567890123456789012", "5e-324",
            "1.7976931348623157e308", "0.000001", "-12.5E-3", "9007199254740993", "2.2250738585072014e-308"]
        for _ in 0..<2_000 {
            let value = Double.random(in: -1e6...1e6, using: &generator) * pow(10, Double(Int.random(in: -30...30)))
            texts.append("\(value)")
            texts.append(String(format: "%.17g", value))
            texts.append(String(format: "%.4f", value))
        }
        for text in texts {
            let value = try text.utf8CString.withUnsafeBufferPointer { c in
                try c.withMemoryRebound(to: UInt8.self) { bytes in
                    try JSONParser.parse(UnsafeBufferPointer(rebasing: bytes.dropLast()))
                }
            }
            XCTAssertEqual(value, .number(Double(text)!), text)
        }
    }

    func testStringsEscapesAndLiterals() throws {
        let text = #"{"a": "x\"y\\z\n\u00e9\ud83d\ude00", "b": [true, false, null, NaN, -Infinity], "c": {}}"#
        let value = try Array(text.utf8).withUnsafeBufferPointer { try JSONParser.parse($0) }
        XCTAssertEqual(
            value,
            .object([
                ("a", .string("x\"y\\z\né😀")),
                ("b", .array([.bool(true), .bool(false), .null, .nonFinite("NaN"), .nonFinite("-Infinity")])),
                ("c", .object([])),
            ]))
    }
}
