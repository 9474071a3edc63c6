import Foundation
import XCTest

/// Numeric fields of a command's JSON that must be present and finite.
///
/// A `"nan"` search in the JSON cannot fail: the writer turns a non-finite number into `null`.
/// So the fields an answer promises are named, and each must be a number, not null or missing.
enum FiniteFields {
    /// Problems with `paths` in `json`: "score is null", "rows[3].score is missing". A path is
    /// keys joined by dots; `key[]` applies the rest of the path to every element of an array.
    static func problems(in json: Any, paths: [String]) -> [String] {
        paths.flatMap { problems(in: json, path: $0.split(separator: ".").map(String.init), shown: "") }
    }

    private static func problems(in value: Any?, path: [String], shown: String) -> [String] {
        guard let head = path.first else {
            // JSON's true and false read as NSNumbers of C type char ("c"); they are not numbers.
            guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else {
                return ["\(shown) is \(value.map { $0 is NSNull ? "null" : "\($0)" } ?? "missing")"]
            }
            return number.doubleValue.isFinite ? [] : ["\(shown) is \(number)"]
        }
        let rest = Array(path.dropFirst())
        let object = value as? [String: Any]
        if head.hasSuffix("[]") {
            let key = String(head.dropLast(2))
            guard let items = object?[key] as? [Any], !items.isEmpty else { return ["\(shown)\(key) has no elements"] }
            return items.enumerated().flatMap { i, item in
                problems(in: item, path: rest, shown: "\(shown)\(key)[\(i)].")
            }.map { $0.replacingOccurrences(of: ". is", with: " is") }
        }
        return problems(in: object?[head], path: rest, shown: shown + head + (rest.isEmpty ? "" : "."))
    }
}

final class FiniteAnswerTests: XCTestCase {
    func testTheCheckCatchesNullMissingAndNonNumbers() throws {
        let json = try JSONSerialization.jsonObject(
            with: Data(
                #"""
                {"score": null, "factors": {"compute": 0.5, "context": "x"}, "rows": [{"s": 1}, {"s": null}, {}],
                 "flag": true, "empty": []}
                """#.utf8))
        XCTAssertEqual(FiniteFields.problems(in: json, paths: ["score"]), ["score is null"])
        XCTAssertEqual(FiniteFields.problems(in: json, paths: ["factors.compute"]), [])
        XCTAssertEqual(FiniteFields.problems(in: json, paths: ["factors.context"]), ["factors.context is x"])
        XCTAssertEqual(FiniteFields.problems(in: json, paths: ["factors.penalty"]), ["factors.penalty is missing"])
        XCTAssertEqual(
            FiniteFields.problems(in: json, paths: ["rows[].s"]), ["rows[1].s is null", "rows[2].s is missing"])
        XCTAssertFalse(FiniteFields.problems(in: json, paths: ["flag"]).isEmpty, "a boolean is not a number")
        XCTAssertEqual(FiniteFields.problems(in: json, paths: ["empty[].x"]), ["empty has no elements"])
    }

    /// Every planning command on every bundled task, over models from the smallest to the
    /// largest, at their own limits and at 128k: each promised number is there and finite.
    func testPlanningCommandsAnswerWithFiniteNumbers() throws {
        let tasks = ["arithmetic", "commonsense", "translation"]
        let models = ["qwen2.5-0.5b", "llama-2-7b", "yarn-llama-2-13b-128k", "llama-2-70b"]
        var lines: [(String, (Any) -> [String])] = []
        func add(_ line: String, _ paths: @escaping (Any) -> [String]) { lines.append((line, paths)) }
        let predictFields = [
            "score", "compute", "n_pmt", "n_ctx", "factors.compute", "factors.context", "factors.penalty",
        ]
        for task in tasks {
            add("table --task \(task) --model llama-2-13b --json") { _ in
                ["compute", "n_ctx", "rows[].predicted", "rows[].n_pmt"]
            }
            for target in ["0.01", "0.2", "0.6", "0.99"] {
                add("compute-for \(target) --task \(task) --shots 7 --nctx 8k --json") { j in
                    ["ceiling", "n_pmt", "n_ctx"]
                        + ((j as? [String: Any])?["reachable"] as? Bool == true ? ["compute"] : [])
                }
            }
            for model in models {
                for nctx in ["", "--nctx 128k"] {
                    for shots in ["0", "5", "200"] {
                        add("predict --task \(task) --model \(model) \(nctx) --shots \(shots) --json") { _ in
                            predictFields
                        }
                    }
                    add("explain --task \(task) --model \(model) \(nctx) --prompt-tokens 3k --json") { _ in
                        predictFields
                    }
                    add("shots --task \(task) --model \(model) \(nctx) --json") { _ in
                        [
                            "compute", "n_ctx", "best_score", "best_n_pmt", "knee_score", "knee_n_pmt", "rows[].score",
                            "rows[].n_pmt",
                        ]
                    }
                }
                for target in ["0.05", "0.3", "0.9"] {
                    add("context-for \(target) --task \(task) --model \(model) --json") { j in
                        ["compute", "n_ctx"]
                            + ((j as? [String: Any])?["reachable"] as? Bool == true
                                ? ["n_pmt", "score", "threshold_n_pmt"] : ["best_score"])
                    }
                }
                add("extend --model \(model) --task \(task) --shots 31 --gpu h100 --json") { _ in
                    [
                        "n_pmt", "options[].n_ctx", "options[].extension_flops", "options[].total_compute",
                        "options[].score",
                        "options[].gpu_hours",
                    ]
                }
            }
        }
        for model in models {
            add("cost --model \(model) --to 128k --gpu h100 --gpus 8 --price 2.5 --json") { _ in
                [
                    "extension_tokens", "extension_flops", "extension_flops_with_attention", "total_compute",
                    "fraction_of_pretraining", "budget.gpu_hours", "budget.days", "budget.dollars",
                ]
            }
        }
        for flops in ["1e18", "1.7e23", "1e30"] {
            add("budget \(flops) --gpu b200 --gpus 1024 --mfu 0.3 --price 3 --json") { _ in
                ["flops", "peak_flops_per_second", "mfu", "gpu_hours", "days", "dollars"]
            }
        }
        // One REPL process for all of them: one JSON object per line, in order.
        let r = try Shell.session(lines.map(\.0))
        XCTAssertEqual(r.stderr, "")
        let outputs = r.stdout.split(separator: "\n")
        XCTAssertEqual(outputs.count, lines.count)
        for ((line, paths), output) in zip(lines, outputs) {
            let json = try JSONSerialization.jsonObject(with: Data(output.utf8))
            let problems = FiniteFields.problems(in: json, paths: paths(json))
            XCTAssertEqual(problems, [], line)
        }
    }
}
