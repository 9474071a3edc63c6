import XCTest

@testable import ctxplan

/// Tab completion: what may follow the words typed so far.
final class CompletionTests: XCTestCase {
    let completer = Completer(library: Session().library())

    func testAnEmptyLineCompletesCommandsAndBuiltins() {
        XCTAssertEqual(completer.matches(for: "pr", before: ""), ["predict", "presets"])
        XCTAssertEqual(completer.matches(for: "se", before: ""), ["set"])
        XCTAssertEqual(
            completer.matches(for: "c", before: "").sorted(), ["compare", "compute-for", "context-for", "cost"])
        XCTAssertEqual(completer.matches(for: "zz", before: ""), [])
    }

    /// After `set KEY`, what the settings registry says the key takes: as the option would.
    func testAfterASettingsKeyItsValues() {
        let library = Session().library()
        XCTAssertEqual(completer.matches(for: "", before: "set model "), library.modelNames)
        XCTAssertEqual(completer.matches(for: "", before: "set gpu "), library.gpuNames)
        XCTAssertEqual(
            completer.matches(for: "", before: "set law "), completer.matches(for: "", before: "validate --law "),
            "the law forms, as validate takes them (fit also takes auto, which set does not)")
        XCTAssertEqual(completer.matches(for: "c", before: "set format "), ["csv"])
        XCTAssertEqual(completer.matches(for: "", before: "set nctx "), [], "a number: nothing to offer")
        XCTAssertEqual(completer.matches(for: "law", before: "set "), ["law"])
        XCTAssertEqual(Settings.keys.count, Set(Settings.keys).count, "each key declared once")
    }

    /// After a command name, its own flags and no other command's.
    func testAfterACommandNameItsFlags() {
        XCTAssertEqual(completer.matches(for: "--sh", before: "predict "), ["--shots"])
        XCTAssertEqual(completer.matches(for: "--t", before: "cost "), ["--to"])
        let cost = completer.matches(for: "--", before: "cost ")
        XCTAssertTrue(cost.contains("--gpu") && cost.contains("--attention"), "\(cost)")
        XCTAssertFalse(cost.contains("--shots"), "cost takes no shots: \(cost)")
        XCTAssertEqual(completer.matches(for: "--bo", before: "fit --task arithmetic "), ["--bootstrap"])
    }

    /// After a flag that takes a preset, the presets of that kind, matched case-insensitively.
    func testAfterAPresetFlagThePresetNames() {
        XCTAssertEqual(completer.matches(for: "ar", before: "predict --task "), ["arithmetic"])
        XCTAssertEqual(completer.matches(for: "AR", before: "shots --task "), ["arithmetic"])
        XCTAssertEqual(completer.matches(for: "h1", before: "budget 1e23 --gpu ").map { $0.lowercased() }, ["h100-sxm"])
        let models = completer.matches(for: "", before: "set model ")
        XCTAssertTrue(models.contains("Llama-2-13B"), "\(models)")
        XCTAssertEqual(completer.matches(for: "n", before: "unset "), ["nctx"])
        XCTAssertEqual(completer.matches(for: "", before: "use "), Settings.keys)
        XCTAssertEqual(completer.matches(for: "fi", before: "help "), ["fit", "figures"])
    }
}
