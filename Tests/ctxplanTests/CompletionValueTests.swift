import Foundation
import XCTest

@testable import ctxplan

/// Tab at the prompt: values of enumerated options, file names where a path goes, preset names.
final class CompletionValueTests: XCTestCase {
    let completer = Completer(library: Session().library())

    func testEnumeratedOptionsCompleteTheirValues() {
        XCTAssertEqual(
            completer.matches(for: "", before: "fit --law "),
            ["paper", "no-penalty", "soft", "floor", "decay", "ladder", "auto"])
        XCTAssertEqual(
            completer.matches(for: "", before: "validate --law "),
            ["paper", "no-penalty", "soft", "floor", "decay", "ladder"])
        XCTAssertEqual(completer.matches(for: "d", before: "set law "), ["decay"])
        XCTAssertEqual(completer.matches(for: "c", before: "set format "), ["csv"])
        // compare fits every law and takes no --law: the tree says so, and nothing is offered.
        XCTAssertEqual(completer.matches(for: "no", before: "validate --task arithmetic --law "), ["no-penalty"])
        XCTAssertEqual(completer.matches(for: "no", before: "compare --task arithmetic --law "), [])
        XCTAssertEqual(completer.matches(for: "j", before: "predict --format "), ["json"])
        XCTAssertEqual(completer.matches(for: "", before: "cost --attention "), ["causal", "full"])
        XCTAssertEqual(completer.matches(for: "m", before: "presets "), ["models"])
        // A value of no fixed list: nothing to offer (Tab had put a flag where the number goes).
        XCTAssertEqual(completer.matches(for: "", before: "predict --shots "), [])
        XCTAssertEqual(completer.matches(for: "c", before: "compute-for 0.5 --confidence "), [])
    }

    func testPresetNamesAfterShowAndTheModelFlags() {
        XCTAssertEqual(completer.matches(for: "yarn-llama-2-7b-3", before: "show "), ["Yarn-Llama-2-7B-32k"])
        XCTAssertEqual(completer.matches(for: "sett", before: "show "), ["settings"])
        XCTAssertEqual(completer.matches(for: "mi3", before: "extend --gpu "), ["MI300X"])
    }

    /// File names of the kind each option takes, folders always (they may hold some).
    func testPathsAfterOptionsThatTakeAFile() throws {
        let dir = TestFolders.path("completion")
        try FileManager.default.createDirectory(atPath: dir + "/runs", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["mine.json", "results.csv", "plot.svg", "notes.txt"] {
            _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data())
        }
        let typed = dir + "/"
        XCTAssertEqual(completer.matches(for: typed, before: "fit --save "), [typed + "mine.json", typed + "runs/"])
        XCTAssertEqual(completer.matches(for: typed, before: "plot --svg "), [typed + "plot.svg", typed + "runs/"])
        XCTAssertEqual(completer.matches(for: typed + "r", before: "figures --out "), [typed + "runs/"])
        XCTAssertEqual(completer.matches(for: typed + "r", before: "fit "), [typed + "results.csv", typed + "runs/"])
        XCTAssertEqual(
            completer.matches(for: typed, before: "import results/ --out "), [typed + "results.csv", typed + "runs/"])
        XCTAssertEqual(
            completer.matches(for: typed + "r", before: "fit --models "), [typed + "results.csv", typed + "runs/"])
        XCTAssertEqual(completer.matches(for: typed + "m", before: "use task "), [typed + "mine.json"])
        XCTAssertEqual(completer.matches(for: typed + "n", before: "source "), [typed + "notes.txt"])
        // A preset name still comes first after --task.
        XCTAssertEqual(completer.matches(for: "tr", before: "predict --task "), ["translation"])
    }
}
