import Dispatch
import Foundation
import Synchronization
import XCTest

@testable import Planner

final class PresetLibraryTests: XCTestCase {
    /// A folder of `count` user models named Model-i (files model-i.json), and as many tasks.
    private func userFolder(count: Int, malformed: Bool = false) throws -> String {
        let dir = Fixtures.temporaryDirectory()
        for kind in ["tasks", "models"] {
            try FileManager.default.createDirectory(atPath: "\(dir)/\(kind)", withIntermediateDirectories: true)
        }
        let task = try String(contentsOfFile: Fixtures.presets + "/tasks/arithmetic.json", encoding: .utf8)
        for i in 0..<count {
            let model =
                malformed
                ? "{ broken"
                : #"{"name": "Model-\#(i)", "non_embedding_params": \#(i + 1)e9, "#
                    + #""pretrain_tokens": 2e12, "n_ctx": 4096}"#
            let named = malformed ? "{ broken" : task.replacingOccurrences(of: "\"arithmetic\"", with: "\"task-\(i)\"")
            try Data(model.utf8).write(to: URL(fileURLWithPath: "\(dir)/models/model-\(i).json"))
            try Data(named.utf8).write(to: URL(fileURLWithPath: "\(dir)/tasks/task-\(i).json"))
        }
        return dir
    }

    /// A command that needs one task and one model reads only their files: with 800 malformed
    /// user files beside them, none is read (so none reported) until a listing needs them all.
    func testALookupReadsOnlyTheFilesItNeeds() throws {
        let dir = try userFolder(count: 400, malformed: true)
        let reported = Reports()
        let library = PresetLibrary(directories: [dir], bundled: Fixtures.presets, report: reported.add)
        XCTAssertEqual(try library.task("arithmetic").law.parameters!.alpha, 0.26)
        XCTAssertEqual(try library.resolve(model: "llama-2-7b").nCtx, 4096)
        XCTAssertEqual(reported.all, [])
        XCTAssertEqual(library.models.count, Fixtures.bundledModelCount)
        XCTAssertEqual(reported.all.count, 400, "each malformed model file once")
        XCTAssertEqual(library.models.count, Fixtures.bundledModelCount)
        XCTAssertEqual(reported.all.count, 400, "and never again")
    }

    func testAFileNamedForItsPresetOverridesAndAliasesAreFoundByReadingTheFolder() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/hardware", withIntermediateDirectories: true)
        let task = try String(contentsOfFile: Fixtures.presets + "/tasks/arithmetic.json", encoding: .utf8)
        try task.replacingOccurrences(of: "\"alpha\": 0.26", with: "\"alpha\": 0.3")
            .write(toFile: dir + "/tasks/ARITHMETIC.json", atomically: false, encoding: .utf8)
        // Claims the name too, but is not named for it: the file named for it wins, in lookup
        // and in the listing alike.
        try task.replacingOccurrences(of: "\"alpha\": 0.26", with: "\"alpha\": 0.4")
            .write(toFile: dir + "/tasks/other.json", atomically: false, encoding: .utf8)
        try #"{"name": "Mine-GPU", "aliases": ["mg"], "bf16_dense_flops_per_second": 1e15}"#
            .write(toFile: dir + "/hardware/custom.json", atomically: false, encoding: .utf8)
        let library = PresetLibrary(directories: [dir], bundled: Fixtures.presets)
        XCTAssertEqual(try library.task("arithmetic").law.parameters!.alpha, 0.3)
        XCTAssertEqual(library.tasks.filter { $0.name == "arithmetic" }.map(\.law.parameters!.alpha), [0.3])
        XCTAssertEqual(try library.gpu("MG").name, "Mine-GPU")
        XCTAssertEqual(try library.gpu("mine-gpu").peakFlopsPerSecond, 1e15)
    }

    /// `tasks/foo.json` holding the task "bar": `--task foo` names the file and the name to use.
    func testAFileLookedUpByItsNameThatHoldsAnotherPresetSaysWhichName() throws {
        let dir = try userFolder(count: 1)
        try FileManager.default.moveItem(atPath: "\(dir)/tasks/task-0.json", toPath: "\(dir)/tasks/foo.json")
        let library = PresetLibrary(directories: [dir], bundled: Fixtures.presets)
        XCTAssertThrowsError(try library.task("foo")) {
            XCTAssertEqual(
                $0 as? PresetError,
                .misnamed(kind: .task, name: "foo", path: "\(dir)/tasks/foo.json", presetName: "task-0"))
        }
        XCTAssertEqual(try library.task("task-0").name, "task-0")
    }

    func testAMissingBundledFolderIsReportedOnceWithItsPath() {
        let missing = Fixtures.temporaryDirectory() + "/no-such-presets"
        let reported = Reports()
        let library = PresetLibrary(directories: [], bundled: missing, report: reported.add)
        XCTAssertEqual(reported.all, [.bundledFolderMissing(path: missing)])
        XCTAssertThrowsError(try library.task("arithmetic")) { error in
            XCTAssertEqual(
                error as? PresetError, .unknown(kind: .task, name: "arithmetic", known: [], lookupNames: []))
        }
        XCTAssertEqual(library.problems, reported.all)
    }

    /// The rejection carries every known name, in listing order, for the program to show a few.
    func testAnUnknownNameCarriesTheKnownNames() throws {
        let library = PresetLibrary(directories: [try userFolder(count: 30)], bundled: Fixtures.presets)
        XCTAssertThrowsError(try library.task("zzzzzzzzzzzzzzzzzz")) { error in
            guard case .unknown(.task, "zzzzzzzzzzzzzzzzzz", let known, let lookupNames) = error as? PresetError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(known.count, 33, "3 bundled tasks and 30 of the user's")
            XCTAssertEqual(Set(known), Set(lookupNames))
            XCTAssertEqual(Set(known), Set(library.taskNames))
        }
    }

    /// One library, many threads asking at once: every answer equals the one a fresh library
    /// gives on one thread, and every malformed file is reported exactly once.
    func testOneLibraryHammeredFromManyThreadsAgreesWithASerialOne() throws {
        let dir = try userFolder(count: 60)
        for i in 0..<5 {
            try "{ broken \(i)".write(toFile: "\(dir)/models/zz-bad-\(i).json", atomically: false, encoding: .utf8)
        }
        @Sendable func answer(_ library: PresetLibrary, _ i: Int) -> String {
            let model = (try? library.resolve(model: "model-\(i % 60)", nCtx: 8192).flops) ?? -1
            let task = (try? library.task("task-\(i % 60)").name) ?? "?"
            let gpu = (try? library.gpu("h100").name) ?? "?"
            let unknown = (try? library.model("model-x\(i % 7)")) == nil
            let counts =
                i % 5 == 0
                ? "\(library.models.count) \(library.tasks.count) \(library.observations.count)" : ""
            return "\(model) \(task) \(gpu) \(unknown) \(counts)"
        }
        let serial = PresetLibrary(directories: [dir], bundled: Fixtures.presets)
        let expected = (0..<400).map { answer(serial, $0) }
        _ = serial.models
        XCTAssertEqual(serial.problems.count, 5)

        let reported = Reports()
        let shared = PresetLibrary(directories: [dir], bundled: Fixtures.presets, report: reported.add)
        let answers = Mutex([String?](repeating: nil, count: 400))
        DispatchQueue.concurrentPerform(iterations: 400) { i in
            let a = answer(shared, i)
            answers.withLock { $0[i] = a }
        }
        XCTAssertEqual(answers.withLock { $0 }, expected)
        XCTAssertEqual(reported.all.inStableOrder, serial.problems.inStableOrder)
        XCTAssertEqual(shared.problems.inStableOrder, serial.problems.inStableOrder)
    }
}
