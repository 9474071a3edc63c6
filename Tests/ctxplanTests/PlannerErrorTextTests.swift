import Foundation
import Planner
import XCTest

@testable import ctxplan

/// The Planner's typed rejections of data files and presets, in the program's words: the text
/// each gave when the Planner still wrote it, verbatim.
final class PlannerErrorTextTests: XCTestCase {
    private static let presets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Presets").standardizedFileURL.path
    private let library = PresetLibrary(directories: [presets])

    private func rejection(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    private func temporaryDirectory() throws -> String {
        let dir = TestFolders.path("wording")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func testCSVSyntax() {
        func csv(_ text: String) -> String { rejection { try CSVTable(text: text, file: "t.csv") } }
        XCTAssertEqual(csv("a,b\n1,2\n3,4,5\n"), "t.csv:3: 3 fields; expected at most 2, as in the header")
        XCTAssertEqual(csv("a,b\n1,2\n\"open,3\n4,5\n"), "t.csv:3: a quoted field is never closed")
        XCTAssertEqual(
            csv("a,b\n1,2\n3,ab\"c\n"),
            "t.csv:3: a quote inside an unquoted field; expected a field in quotes with any quote inside "
                + "doubled (\"\")")
        XCTAssertEqual(
            csv("a,b\n\"x\ny\"z,1\n"),
            "t.csv:3: text after a quoted field's closing quote; expected a field in quotes with any quote inside "
                + "doubled (\"\")")
        XCTAssertEqual(csv(""), "t.csv: the file is empty; expected a header row and records")
    }

    func testObservationFiles() {
        let reader = ObservationReader(library: library, defaultTask: try? library.task("arithmetic"))
        func read(_ text: String) -> String { rejection { try reader.parse(text: text, file: "mine.csv") } }
        XCTAssertEqual(read("model,shots\nLlama-2-7B,3\n"), "mine.csv:1: no 'metric' column; header has model,shots")
        XCTAssertEqual(
            read("metric,shots\n0.5,3\n"),
            "mine.csv:1: no compute: expected a 'model', 'compute', or 'params' and 'tokens' column")
        XCTAssertEqual(
            read("model,metric\nLlama-2-7B,0.5\n"),
            "mine.csv:1: no prompt length: expected an 'n_pmt' or 'shots' column")
        XCTAssertEqual(
            read("compute,n_pmt,metric\n1e23,100,0.5\n"),
            "mine.csv:1: no 'n_ctx' column (needed without a 'model' column)")
        XCTAssertEqual(read("model,shots,metric\n"), "mine.csv: no records after the header")
        XCTAssertEqual(
            read("model,shots,metric\nLlama-2-7B,3,1.5\n"),
            "mine.csv:2: metric 1.5 is outside [0, 1]; read a 0-100 scale with --percent")
        XCTAssertEqual(read("model,shots,metric\nLlama-2-7B,3,150\n"), "mine.csv:2: metric 150 is outside [0, 1]")
        XCTAssertEqual(
            read("model,shots,metric\nLlama-2-7B,2.5,0.5\n"), "mine.csv:2: shots '2.5' is not a whole number")
        XCTAssertEqual(
            read("model,n_pmt,metric\n,100,0.5\n"),
            "mine.csv:2: no compute for this record (empty 'model' and 'compute')")
        XCTAssertEqual(
            read("model,n_pmt,metric\nLlama-2-7B,,0.5\n"), "mine.csv:2: no prompt length (empty 'n_pmt' and 'shots')")
        XCTAssertEqual(read("model,n_pmt,metric\nLlama-2-7B,100,\n"), "mine.csv:2: column 'metric' is empty")
        XCTAssertEqual(
            read("compute,Compute,n_ctx,n_pmt,metric\n1e23,2e23,4096,100,0.1\n"),
            "mine.csv:1: the column 'compute' is named twice; expected each column once")
        XCTAssertEqual(
            read("model,shots,metric\nLlama-2-7B,3,0.5\nLlama-2-7Bx,3,0.5\n"),
            "mine.csv:3: unknown model 'Llama-2-7Bx'; did you mean 'Llama-2-7B'?")
        XCTAssertEqual(rejection { try reader.read(path: "/nonexistent/r.csv") }, "/nonexistent/r.csv: no such file")
    }

    func testUnknownAndMisnamedPresets() throws {
        XCTAssertEqual(
            rejection { try self.library.model("llama-2-7") }, "unknown model 'llama-2-7'; did you mean 'Llama-2-7B'?")
        let empty = PresetLibrary(directories: [])
        XCTAssertEqual(
            rejection { try empty.task("arithmetic") }, "unknown task 'arithmetic'; no task presets are loaded")
        XCTAssertEqual(
            rejection { try self.library.gpu("zzzzzzzzzz") },
            "unknown gpu 'zzzzzzzzzz'; known: " + library.gpuNames.joined(separator: ", "))
        let many = PresetError.unknown(
            kind: .task, name: "zzzzzzzzzzzzzzzzzz", known: (0..<33).map { "task-\($0)" }, lookupNames: [])
        XCTAssertEqual(
            "\(many)",
            "unknown task 'zzzzzzzzzzzzzzzzzz'; known: "
                + (0..<12).map { "task-\($0)" }.joined(separator: ", ") + ", and 21 more (see 'presets')")
        let token = String(repeating: "x", count: 1_000_000)
        let long = rejection { try self.library.task(token) }
        XCTAssertTrue(long.hasPrefix("unknown task 'xxx") && long.contains("...' (1000000 characters);"), long)
        XCTAssertLessThan(long.count, 300)

        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        let task = try String(contentsOfFile: Self.presets + "/tasks/arithmetic.json", encoding: .utf8)
        try task.replacingOccurrences(of: "\"arithmetic\"", with: "\"bar\"")
            .write(toFile: dir + "/tasks/foo.json", atomically: false, encoding: .utf8)
        let user = PresetLibrary(directories: [Self.presets, dir])
        XCTAssertEqual(
            rejection { try user.task("foo") },
            "unknown task 'foo'; \(dir)/tasks/foo.json holds the task 'bar' (its \"name\" field), "
                + "which is the name to use")
        XCTAssertEqual(
            rejection { try PresetLibrary.loadTask(path: dir + "/none.json") },
            "task file '\(dir)/none.json' cannot be read")
    }

    func testSkippedPresetFiles() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: true)
        let task = try String(contentsOfFile: Self.presets + "/tasks/arithmetic.json", encoding: .utf8)
        // The first "beta": the parameters', ahead of the bootstrap draws'.
        let beta = try XCTUnwrap(task.range(of: "\"beta\": 0.56"))
        try task.replacingCharacters(in: beta, with: "\"beta\": 1e300")
            .write(toFile: dir + "/tasks/arithmetic.json", atomically: false, encoding: .utf8)
        try "{ not json".write(toFile: dir + "/tasks/broken.json", atomically: false, encoding: .utf8)
        try #"{"name": "Big", "non_embedding_params": 1e40, "pretrain_tokens": 1e40, "n_ctx": 4096}"#
            .write(toFile: dir + "/models/big.json", atomically: false, encoding: .utf8)
        try #"{"name": "Tiny", "compute_paper": 1e3, "pretrain_tokens": 2e12, "n_ctx": 4096}"#
            .write(toFile: dir + "/models/tiny.json", atomically: false, encoding: .utf8)
        try #"{"name": "Sizeless", "pretrain_tokens": 2e12, "n_ctx": 4096}"#
            .write(toFile: dir + "/models/sizeless.json", atomically: false, encoding: .utf8)
        let user = PresetLibrary(directories: [dir], bundled: Self.presets)
        _ = (user.tasks, user.models)
        XCTAssertEqual(
            Set(user.problems.map(\.description)),
            [
                "skipped preset \(dir)/tasks/arithmetic.json: field 'parameters.beta': 1e300 is outside the accepted "
                    + "range; expected an exponent in (0, 10]",
                "skipped preset \(dir)/tasks/broken.json: not valid JSON",
                "skipped preset \(dir)/models/big.json: fields 'non_embedding_params' x tokens: 6ND = 6e80 FLOPs is "
                    + "outside the accepted range; expected FLOPs in [1, 1e40]",
                "skipped preset \(dir)/models/tiny.json: field 'compute_paper': 1000 over 6 x 2e12 tokens gives fewer "
                    + "than one parameter; expected 'non_embedding_params' or a larger compute",
                "skipped preset \(dir)/models/sizeless.json: missing field 'non_embedding_params' (or 'compute_paper', "
                    + "from which N is derived)",
            ])
        let missing = dir + "/no-such-presets"
        XCTAssertEqual(
            PresetLibrary(directories: [], bundled: missing).problems.map(\.description),
            ["bundled presets folder '\(missing)' not found: no bundled tasks, models or GPUs"])
        let soft = PresetFileProblem.missingLawParameter(
            field: "draws[2].s", form: .soft,
            accepted: AcceptedRange(lower: 0, upper: 1000, openBelow: true, unit: .lawParameter("a sharpness")))
        XCTAssertEqual("\(soft)", "missing field 'draws[2].s': the soft law needs a sharpness in (0, 1000]")
    }

    /// The one "did you mean": the closest name when one is close, else what to do instead.
    func testTheHintNamesTheClosestElseTheAlternative() {
        let names = ["predict", "presets", "plot"]
        XCTAssertEqual(Suggestions.hint(for: "predcit", among: names), "; did you mean 'predict'?")
        XCTAssertEqual(
            Suggestions.hint(for: "predcit", among: names, otherwise: "see 'help'"), "; did you mean 'predict'?")
        XCTAssertEqual(Suggestions.hint(for: "zzzzzz", among: names, otherwise: "see 'help'"), "; see 'help'")
        XCTAssertEqual(Suggestions.hint(for: "zzzzzz", among: names), "")
        XCTAssertEqual(Suggestions.hint(for: "predcit", among: []), "")
    }
}
