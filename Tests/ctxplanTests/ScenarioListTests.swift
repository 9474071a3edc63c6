import Planner
import XCTest

@testable import ctxplan

/// Comma lists found in a command line, before ArgumentParser reads it.
final class ScenarioListTests: XCTestCase {
    func testTheProductInOrderTheFirstListVaryingSlowest() throws {
        let words = ["predict", "--task", "commonsense", "--model", "a,b,c", "--shots", "5", "--nctx", "8k,32k"]
        let list = try XCTUnwrap(ScenarioList.find(in: words))
        XCTAssertEqual(list.count, 6)
        // The same lines written out by two nested loops, as a user would type them.
        var expected: [[String]] = []
        for model in ["a", "b", "c"] {
            for limit in ["8k", "32k"] {
                expected.append(["predict", "--task", "commonsense", "--model", model, "--shots", "5", "--nctx", limit])
            }
        }
        XCTAssertEqual((0..<list.count).map(list.arguments(ofScenario:)), expected)
        XCTAssertEqual(list.axes.map(\.input), [.model, .nctx])
        XCTAssertEqual(list.axes[1].values, [.number(8192), .number(32768)])
    }

    func testEachItemIsReadAsTheOptionReadsAValue() throws {
        let words = [
            "predict", "--compute=1.5e23,2T", "--shots", "0,31", "--prompt-tokens", "20k,300", "--model", "x,y",
        ]
        let list = try XCTUnwrap(ScenarioList.find(in: words))
        XCTAssertEqual(
            list.axes.map(\.values),
            [
                [.number(1.5e23), .number(2e12)], [.whole(0), .whole(31)], [.number(20 * 1024), .number(300)],
                [.name("x"), .name("y")],
            ])
        XCTAssertEqual(list.count, 16)
        XCTAssertEqual(list.arguments(ofScenario: 15)[1], "--compute=2T", "the joined form stays joined")
    }

    func testALineWithoutAListIsLeftAlone() throws {
        XCTAssertNil(try ScenarioList.find(in: ["predict", "--model", "llama-2-7b", "--nctx", "8k", "--shots", "5"]))
        // A comma in another option, or after `--`, is not a list of scenarios.
        XCTAssertNil(try ScenarioList.find(in: ["extend", "--model", "m", "--to", "8k,16k"]))
        XCTAssertNil(try ScenarioList.find(in: ["budget", "--", "--nctx", "8k,16k"]))
    }

    /// As for any single-valued option, the last of a repeated option counts.
    func testTheLastOfARepeatedOptionIsTheList() throws {
        let list = try XCTUnwrap(ScenarioList.find(in: ["predict", "--nctx", "4k", "--nctx", "8k,16k"]))
        XCTAssertEqual(list.count, 2)
        XCTAssertEqual(list.arguments(ofScenario: 1), ["predict", "--nctx", "4k", "--nctx", "16k"])
        XCTAssertNil(try ScenarioList.find(in: ["predict", "--nctx", "8k,16k", "--nctx", "4k"]))
    }

    func testABadItemIsNamedWithItsPosition() {
        func message(_ words: [String]) -> String {
            do {
                _ = try ScenarioList.find(in: words)
                return "accepted"
            } catch { return "\(error)" }
        }
        XCTAssertEqual(
            message(["predict", "--nctx", "8k,8q,16k"]),
            "--nctx, item 2 of 3: '8q' is not a number; expected tokens such as 8k (= 8192), 128K or 32768")
        XCTAssertEqual(
            message(["predict", "--shots", "3,-1"]),
            "--shots, item 2 of 2: '-1' is negative; expected a whole number such as 8 or 31")
        XCTAssertEqual(
            message(["predict", "--model", "a,,b"]),
            "--model, item 2 of 3 is empty; expected a value between the commas")
        XCTAssertEqual(
            message(["predict", "--shots", "1,000"]),
            "--shots, item 2 of 2, '000', starts with a zero; a comma separates scenarios, "
                + "so write a thousand as 1000 or 1e3")
    }

    func testTheProductIsCapped() {
        let eleven = (1...11).map(String.init).joined(separator: ",")
        let ten = (1...10).map { "\($0)k" }.joined(separator: ",")
        let words = [
            "predict", "--shots", eleven, "--nctx", ten, "--model", (1...10).map { "m\($0)" }.joined(separator: ","),
        ]
        XCTAssertThrowsError(try ScenarioList.find(in: words)) { error in
            XCTAssertEqual(
                "\(error)",
                "the lists give 1,100 scenarios (11 --shots items x 10 --nctx items x 10 --model items); "
                    + "expected at most 1,000")
        }
        XCTAssertEqual(try ScenarioList.find(in: Array(words.prefix(5)))?.count, 110)
    }

    /// `plot` draws a curve per value of a repeated option: a list is the option repeated.
    func testPlotListsBecomeRepeatedOptions() throws {
        XCTAssertEqual(
            try ScenarioList.repeated(["plot", "--nctx", "8k,32k", "--task", "x", "--model=a,b", "--compute", "1e23"]),
            [
                "plot", "--nctx", "8k", "--nctx", "32k", "--task", "x", "--model", "a", "--model", "b", "--compute",
                "1e23",
            ])
        XCTAssertThrowsError(try ScenarioList.repeated(["plot", "--nctx", "8k,9x"])) { error in
            XCTAssertTrue("\(error)".hasPrefix("--nctx, item 2 of 2: '9x'"), "\(error)")
        }
    }
}
