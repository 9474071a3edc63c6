import Foundation
import XCTest

/// The JSON keys of every command that has a JSON form, and the column names of its scenario
/// CSV, are the program's interface: each case's sorted key paths (objects' keys joined with
/// '.', arrays as '[]') must equal its golden file, Tests/Fixtures/json-keys/<case>.txt, recorded
/// from the binary before answers were described once. A changed key fails here by name.
///
/// `CTXPLAN_RECORD_JSON_KEYS=1` writes the golden files instead (only to record a deliberate
/// change of interface, said in the commit).
final class JSONKeysTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures").standardizedFileURL.path
    static let golden = fixtures + "/json-keys"
    static let floorTask = golden + "/tasks/arithmetic-floor.json"
    static let decayTask = golden + "/tasks/arithmetic-decay.json"

    /// Each case: a name (its golden file) and the command line, run with `--json`.
    static let jsonCases: [(String, [String])] = [
        ("predict", ["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "31"]),
        (
            "predict-target",
            ["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "31", "--target", "0.15"]
        ),
        (
            "predict-no-interval",
            ["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "31", "--interval", "0"]
        ),
        (
            "predict-confidence-interval",
            [
                "predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "31", "--interval-kind",
                "confidence",
            ]
        ),
        ("predict-compute", ["predict", "--task", "commonsense", "--compute", "1e23", "--shots", "5", "--nctx", "4k"]),
        ("predict-floor-law", ["predict", "--task", floorTask, "--model", "llama-2-7b", "--shots", "31"]),
        ("predict-decay-law", ["predict", "--task", decayTask, "--model", "yarn-llama-2-7b-16k", "--shots", "31"]),
        ("explain", ["explain", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "63"]),
        ("table", ["table", "--task", "arithmetic", "--model", "yarn-llama-2-7b-16k"]),
        ("cost", ["cost", "--model", "llama-2-7b", "--to", "32k"]),
        (
            "cost-budget",
            ["cost", "--model", "llama-2-7b", "--to", "32k", "--gpu", "h100", "--gpus", "8", "--price", "2.5"]
        ),
        ("compute-for", ["compute-for", "0.16", "--task", "arithmetic", "--shots", "31", "--nctx", "8k"]),
        (
            "compute-for-tokens-budget",
            [
                "compute-for", "0.16", "--task", "arithmetic", "--shots", "31", "--nctx", "8k", "--tokens", "2T",
                "--gpu", "h100", "--gpus", "1024",
            ]
        ),
        (
            "compute-for-params",
            ["compute-for", "0.16", "--task", "arithmetic", "--shots", "31", "--nctx", "8k", "--params", "7B"]
        ),
        (
            "compute-for-baseline",
            ["compute-for", "0.16", "--task", "arithmetic", "--shots", "31", "--model", "llama-2-7b"]
        ),
        ("compute-for-unreachable", ["compute-for", "0.5", "--task", "arithmetic", "--shots", "63", "--nctx", "4k"]),
        (
            "compute-for-confidence",
            ["compute-for", "0.55", "--task", "commonsense", "--shots", "5", "--nctx", "4k", "--confidence", "0.9"]
        ),
        (
            "compute-for-reached-confidence",
            ["compute-for", "0.15", "--task", "arithmetic", "--shots", "31", "--nctx", "8k", "--confidence", "0.5"]
        ),
        ("context-for", ["context-for", "0.13", "--task", "arithmetic", "--model", "llama-2-7b"]),
        ("context-for-unreachable", ["context-for", "0.9", "--task", "arithmetic", "--model", "llama-2-7b"]),
        ("shots", ["shots", "--task", "arithmetic", "--model", "llama-2-13b", "--nctx", "16k"]),
        (
            "shots-reserve",
            ["shots", "--task", "arithmetic", "--model", "llama-2-13b", "--nctx", "16k", "--reserve", "1k"]
        ),
        ("extend", ["extend", "--model", "llama-2-7b", "--task", "arithmetic", "--prompt-tokens", "20k"]),
        (
            "extend-budget",
            [
                "extend", "--model", "llama-2-7b", "--task", "arithmetic", "--prompt-tokens", "20k", "--gpu", "h100",
                "--price", "2",
            ]
        ),
        (
            "extend-target",
            ["extend", "--model", "llama-2-7b", "--task", "arithmetic", "--shots", "63", "--target", "0.12"]
        ),
        ("budget", ["budget", "1.7e23", "--gpu", "h100", "--gpus", "256", "--price", "2.5"]),
        ("budget-no-price", ["budget", "1.7e23", "--gpu", "h100"]),
        ("fit", ["fit", "--task", "commonsense", "--bootstrap", "20"]),
        ("fit-floor-law", ["fit", "--task", "commonsense", "--law", "floor", "--bootstrap", "0"]),
        ("fit-decay-law", ["fit", "--task", "commonsense", "--law", "decay", "--bootstrap", "0"]),
        ("validate", ["validate", "--task", "commonsense", "--law", "soft"]),
        ("compare", ["compare", "--task", "commonsense"]),
        ("import", ["import", fixtures + "/import/paper-eval"]),
        ("presets", ["presets"]),
        ("presets-hardware", ["presets", "hardware"]),
        ("show-model", ["show", "yarn-llama-2-7b-32k"]),
        ("show-task", ["show", "arithmetic"]),
        ("show-hardware", ["show", "h100"]),
        (
            "model-from-config",
            ["model", "from-config", fixtures + "/configs/qwen3-8b.json", "--tokens", "36T", "--name", "My-Qwen3-8B"]
        ),
        (
            "scenarios-predict",
            ["predict", "--task", "arithmetic", "--compute", "7.8e22,1.5e23", "--nctx", "4k,8k", "--shots", "63"]
        ),
        (
            "scenarios-predict-no-interval",
            [
                "predict", "--task", "arithmetic", "--compute", "7.8e22,1.5e23", "--nctx", "4k,8k", "--shots", "63",
                "--interval", "0",
            ]
        ),
        (
            "scenarios-predict-decay-law",
            ["predict", "--task", decayTask, "--model", "yarn-llama-2-7b-16k,llama-2-7b", "--shots", "31"]
        ),
        ("scenarios-predict-floor-law", ["predict", "--task", floorTask, "--model", "llama-2-7b", "--shots", "31,63"]),
        (
            "scenarios-compute-for",
            [
                "compute-for", "0.16", "--task", "arithmetic", "--shots", "31", "--nctx", "4k,8k", "--tokens", "2T",
                "--gpu", "h100", "--price", "2",
            ]
        ),
        (
            "scenarios-compute-for-baseline",
            ["compute-for", "0.16", "--task", "arithmetic", "--shots", "31", "--model", "llama-2-7b,llama-2-13b"]
        ),
        (
            "scenarios-cost",
            ["cost", "--model", "llama-2-7b,llama-2-13b", "--to", "32k", "--gpu", "h100", "--price", "2"]
        ),
        ("scenarios-shots", ["shots", "--task", "arithmetic", "--model", "llama-2-13b", "--nctx", "8k,16k"]),
        (
            "scenarios-extend",
            [
                "extend", "--model", "llama-2-7b,llama-2-13b", "--task", "arithmetic", "--prompt-tokens", "20k",
                "--gpu", "h100",
            ]
        ),
        (
            "scenarios-context-for",
            ["context-for", "0.13", "--task", "arithmetic", "--nctx", "4k,64", "--compute", "1e23"]
        ),
    ]

    /// The scenario tables and tabular answers whose CSV header is checked.
    static let csvCases: [(String, [String])] =
        jsonCases.filter { $0.0.hasPrefix("scenarios-") }
        + [
            ("shots", ["shots", "--task", "arithmetic", "--model", "llama-2-13b", "--nctx", "16k"]),
            ("extend", ["extend", "--model", "llama-2-7b", "--task", "arithmetic", "--prompt-tokens", "20k"]),
            ("table", ["table", "--task", "arithmetic", "--model", "yarn-llama-2-7b-16k"]),
        ]

    func testJSONKeysAreUnchanged() throws {
        for (name, arguments) in Self.jsonCases {
            let run = try Harness.run(arguments + ["--json"])
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            var paths = Set<String>()
            Self.keyPaths(object, under: nil, into: &paths)
            try check(name, paths.sorted())
        }
    }

    /// The CSV header in order: its columns are read by name and by place.
    func testScenarioCSVHeadersAreUnchanged() throws {
        for (name, arguments) in Self.csvCases {
            let run = try Harness.run(arguments + ["--format", "csv"])
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            let header = run.stdout.split(separator: "\r\n", omittingEmptySubsequences: false).first ?? ""
            try check(name + ".csv", header.split(separator: ",").map(String.init))
        }
    }

    /// Objects' keys joined with '.', arrays as '[]': every path that leads to a value.
    static func keyPaths(_ value: Any, under path: String?, into paths: inout Set<String>) {
        if let object = value as? [String: Any] {
            for (key, inner) in object {
                let keyed = path.map { $0 + "." + key } ?? key
                paths.insert(keyed)
                keyPaths(inner, under: keyed, into: &paths)
            }
        } else if let array = value as? [Any] {
            for item in array { keyPaths(item, under: (path ?? "") + "[]", into: &paths) }
        }
    }

    private func check(_ name: String, _ lines: [String]) throws {
        let file = Self.golden + "/" + name + ".txt"
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["CTXPLAN_RECORD_JSON_KEYS"] == "1" {
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertEqual(text, golden, "\(name): the keys differ from \(file)")
    }
}
