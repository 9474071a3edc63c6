import Foundation
import XCTest

final class FitCommandTests: XCTestCase {
    var dir = ""

    override func setUp() {
        dir = TestFolders.path("fit")
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    func testBadFilesExitTwoNameFileAndLineAndSaveNothing() throws {
        let files: [(String, String, String)] = [
            ("missing.csv", "model,shots\nLlama-2-7B,3\n", "missing.csv:1: no 'metric' column"),
            ("text.csv", "model,shots,metric\nLlama-2-7B,3,high\n", "text.csv:2: metric: 'high' is not a number"),
            (
                "range.csv", "model,shots,metric\nLlama-2-7B,3,0.5\nLlama-2-7B,7,1.2\n",
                "range.csv:3: metric 1.2 is outside [0, 1]"
            ),
            (
                "few.csv", "model,shots,metric\nLlama-2-7B,3,0.5\nLlama-2-13B,7,0.6\n",
                "2 records cannot determine 6 parameters"
            ),
            ("unknown.csv", "model,shots,metric\nLlama-9-8B,3,0.5\n", "unknown.csv:2: unknown model 'Llama-9-8B'"),
            ("empty.csv", "", "empty.csv: the file is empty"),
        ]
        for (name, text, message) in files {
            let path = dir + "/" + name
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            let r = try Harness.run(["fit", path, "--task", "arithmetic", "--save", dir + "/out.json"])
            XCTAssertEqual(r.status, 2, name)
            XCTAssertTrue(r.stderr.contains(message), "\(name): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out.json"), name)
        }
        let absent = try Harness.run(["fit", dir + "/nothing.csv", "--task", "arithmetic"])
        XCTAssertEqual(absent.status, 2)
        XCTAssertTrue(absent.stderr.contains("nothing.csv: no such file"), absent.stderr)
    }

    func testSavedFitIsATaskForEveryCommandAndIsNotOverwrittenWithoutForce() throws {
        let path = dir + "/mine.json"
        let fit = try Harness.json(["fit", "--task", "translation", "--save", path])
        XCTAssertEqual(fit["saved"] as? String, path)
        let params = fit["params"] as! [String: Double]
        let predicted = try Harness.json(["predict", "--task", path, "--model", "llama-2-7b", "--shots", "3"])
        let factors = predicted["factors"] as! [String: Double]
        let c = predicted["compute"] as! Double
        XCTAssertEqual(
            factors["compute"]!, 1 - exp(-params["A"]! * pow(c / params["Cc"]!, params["alpha"]!)), accuracy: 1e-12)
        let again = try Harness.run(["fit", "--task", "translation", "--save", path])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("pass --force"))
        XCTAssertEqual(
            try Harness.run(["fit", "--task", "translation", "--save", path, "--force", "--law", "soft"]).status, 0)
        let session = try Harness.run([], stdin: "use task \(path)\nshots --model llama-2-13b --json\n")
        XCTAssertEqual(session.status, 0, session.stderr)
        XCTAssertTrue(session.stdout.contains("\"best_shots\""))
    }

    func testFitJSONKeysAndCompare() throws {
        let fit = try Harness.json(["fit", "--task", "arithmetic"])
        for key in ["params", "mae", "rmse", "n"] { XCTAssertNotNil(fit[key], key) }
        XCTAssertEqual(fit["n"] as? Int, 120)
        let validate = try Harness.json(["validate", "--task", "arithmetic"])
        XCTAssertEqual(validate["n_heldout"] as? Int, 24)
        XCTAssertLessThanOrEqual(validate["heldout_mae"] as! Double, 0.018)
        let compare = try Harness.json(["compare", "--task", "commonsense"])
        let laws = compare["laws"] as! [[String: Any]]
        XCTAssertEqual(laws.map { $0["law"] as! String }, ["paper", "no-penalty", "soft", "floor", "decay", "ladder"])
        for law in laws {
            XCTAssertEqual(
                Set(law.keys),
                [
                    "law", "mae", "heldout_mae", "cv_mae", "forward_mae", "forward_coverage", "identifiable",
                    "unidentified", "aic", "bic", "params",
                ])
        }
        // Two compute levels: too few to backtest forward, so the paper's law is kept.
        XCTAssertEqual(compare["sizes"] as? Double, 2)
        XCTAssertEqual(compare["preferred"] as? String, "paper")
        XCTAssertEqual(compare["reason"] as? String, "too_few_sizes")
        XCTAssertTrue(laws.allSatisfy { $0["forward_mae"] is NSNull })
    }

    /// A preset saved without draws has no interval: asked for, it is refused; by default the
    /// answer comes without one.
    func testIntervalNeedsDraws() throws {
        let path = dir + "/nodraws.json"
        XCTAssertEqual(try Harness.run(["fit", "--task", "arithmetic", "--save", path]).status, 0)
        let question = ["predict", "--task", path, "--model", "llama-2-7b", "--shots", "3"]
        let r = try Harness.run(question + ["--interval", "80"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("needs bootstrap draws"))
        let quiet = try Harness.json(question)
        XCTAssertTrue(quiet["interval"] is NSNull)
    }

    /// Every bundled answer carries an 80% prediction interval by default, the keys the issue
    /// names, around the refit; `--interval 0` leaves it out, `--interval-kind confidence` gives
    /// the narrower parameter-only one inside the prediction one.
    func testBundledAnswersCarryIntervalsByDefault() throws {
        let question = ["predict", "--task", "translation", "--model", "llama-2-13b", "--shots", "3"]
        let a = try Harness.json(question)
        let p = try XCTUnwrap(a["interval"] as? [String: Any])
        XCTAssertEqual(p["level"] as? Double, 80)
        XCTAssertEqual(p["kind"] as? String, "prediction")
        let c = try XCTUnwrap(
            try Harness.json(question + ["--interval-kind", "confidence"])["interval"] as? [String: Any])
        XCTAssertEqual(c["kind"] as? String, "confidence")
        XCTAssertLessThan(p["low"] as! Double, c["low"] as! Double)
        XCTAssertGreaterThan(p["high"] as! Double, c["high"] as! Double)
        XCTAssertTrue(try Harness.json(question + ["--interval", "0"])["interval"] is NSNull)
        // The chance of reaching the interval's low end is about 90%, of its high end about 10%.
        let low = try Harness.json(question + ["--target", String(p["low"] as! Double)])
        XCTAssertEqual(low["probability"] as! Double, 0.9, accuracy: 0.01)
        let high = try Harness.json(question + ["--target", String(p["high"] as! Double)])
        XCTAssertEqual(high["probability"] as! Double, 0.1, accuracy: 0.01)
    }

    /// One draw made an '80% interval' that excluded the fit's own answer; too few are refused.
    func testTooFewDrawsForAnIntervalAreRefused() throws {
        for count in ["1", "19"] {
            let r = try Harness.run(["fit", "--task", "arithmetic", "--bootstrap", count])
            XCTAssertEqual(r.status, 2)
            XCTAssertTrue(
                r.stderr.contains("--bootstrap \(count) is too few draws for an interval; expected 0 or at least 20"),
                r.stderr)
        }
    }

    func testBootstrapIntervalsBracketTheAnswer() throws {
        let path = dir + "/boot.json"
        XCTAssertEqual(try Harness.run(["fit", "--task", "arithmetic", "--bootstrap", "40", "--save", path]).status, 0)
        let a = try Harness.json([
            "compute-for", "0.14", "--task", path, "--shots", "31", "--nctx", "8k", "--interval", "80",
        ])
        let interval = a["interval"] as! [String: Any]
        let c = a["compute"] as! Double
        XCTAssertLessThanOrEqual(interval["low"] as! Double, c * 1.0001)
        XCTAssertGreaterThanOrEqual(interval["high"] as! Double, c * 0.9999)
    }
}
