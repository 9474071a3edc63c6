import Foundation
import XCTest

/// The backtest users run on a public model family they did not train (Tests/Fixtures/pythia,
/// EleutherAI's Pythia evaluations): fit the five smallest sizes at every checkpoint, predict the
/// final checkpoint of 2.8b, 6.9b and 12b at 0 and 5 shots, with `--law auto` and the tasks'
/// chance floors. Run through the program as a user would: `fit --save`, then `predict`.
final class PythiaBacktestTests: XCTestCase {
    /// The facts a user brings (the fixture's README): non-embedding parameters from the Pythia
    /// paper's Table 1, and per task its chance level and tokens per instance.
    static let params: [String: Double] = [
        "70m": 18_915_328, "160m": 85_056_000, "410m": 302_311_424, "1b": 805_736_448, "1.4b": 1_208_602_624,
        "2.8b": 2_517_652_480, "6.9b": 6_444_163_072, "12b": 11_327_027_200,
    ]
    static let tasks: [(name: String, floor: Double, tokens: Double)] = [
        ("lambada_openai", 0, 85), ("arc_easy", 0.25, 32), ("piqa", 0.5, 40), ("sciq", 0.25, 120),
        ("winogrande", 0.5, 30),
    ]
    static let train: Set = ["70m", "160m", "410m", "1b", "1.4b"]
    static let finalStep = "143000"

    struct Row {
        var model: String, size: String, tokens: Double, shots: Int, task: String, value: Double, step: String
    }

    /// The fixture's `acc` rows (the harness's first metric, which every task has).
    static func rows() throws -> [Row] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/pythia/pythia-evals.csv").standardizedFileURL.path
        // CRLF lines: "\r\n" is one Character in Swift, so the split is on newline characters.
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: .newlines)
            .filter { !$0.isEmpty }
        let header = lines[0].split(separator: ",").map(String.init)
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let (model, size, step, tokens, shots, task, metric, value) = (
            column("model"), column("size"), column("step"), column("tokens"), column("num_fewshot"),
            column("task"), column("metric"), column("value")
        )
        return lines.dropFirst().compactMap { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f[metric] == "acc", let d = Double(f[tokens]), let k = Int(f[shots]), let y = Double(f[value])
            else { return nil }
            return Row(model: f[model], size: f[size], tokens: d, shots: k, task: f[task], value: y, step: f[step])
        }
    }

    func testFittingTheSmallSizesPredictsTheLargeOnesWithinTheTargets() throws {
        let rows = try Self.rows()
        let dir = NSTemporaryDirectory() + "ctxplan-pythia-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var errors: [Double] = []
        var covered = 0
        var report: [String] = []
        var worstTaskCoverage = 1.0
        for task in Self.tasks {
            let ofTask = rows.filter { $0.task == task.name }
            let csv =
                ["model,params,tokens,n_ctx,n_pmt,metric"]
                + ofTask.filter { Self.train.contains($0.size) }.map { r in
                    "\(r.model),\(Self.params[r.size]!),\(r.tokens),2048,\(Double(r.shots + 1) * task.tokens),\(r.value)"
                }
            let data = dir + "/\(task.name).csv"
            try csv.joined(separator: "\n").write(toFile: data, atomically: true, encoding: .utf8)
            let preset = dir + "/\(task.name).json"
            let fit = try Harness.json([
                "fit", data, "--law", "auto", "--floor", String(task.floor), "--bootstrap", "200", "--save", preset,
                "--name", task.name,
            ])
            let targets = ofTask.filter { !Self.train.contains($0.size) && $0.step == Self.finalStep }
            XCTAssertEqual(targets.count, 12, task.name)
            var taskErrors: [Double] = []
            var taskCovered = 0
            for t in targets {
                let answer = try Harness.json([
                    "predict", "--task", preset, "--params", String(Self.params[t.size]!), "--tokens",
                    String(t.tokens), "--nctx", "2048", "--prompt-tokens", String(Double(t.shots + 1) * task.tokens),
                ])
                let score = try XCTUnwrap(answer["score"] as? Double)
                let interval = try XCTUnwrap(answer["interval"] as? [String: Any])
                let (low, high) = (interval["low"] as? Double ?? 0, interval["high"] as? Double ?? 1)
                XCTAssertTrue(low <= score && score <= high, "\(task.name) \(t.model): the point inside its interval")
                taskErrors.append(abs(score - t.value))
                if low <= t.value && t.value <= high { taskCovered += 1 }
            }
            errors += taskErrors
            covered += taskCovered
            let coverage = Double(taskCovered) / Double(targets.count)
            worstTaskCoverage = min(worstTaskCoverage, coverage)
            report.append(
                "\(task.name): law \(fit["law"] ?? "?"), MAE "
                    + String(format: "%.4f", taskErrors.reduce(0, +) / Double(taskErrors.count))
                    + ", coverage " + String(format: "%.0f%%", coverage * 100))
        }
        let mae = errors.reduce(0, +) / Double(errors.count)
        let coverage = Double(covered) / Double(errors.count)
        print(
            "Pythia backtest: MAE \(String(format: "%.4f", mae)), pooled 80% coverage "
                + String(format: "%.0f%%", coverage * 100) + " over \(errors.count)\n  " + report.joined(separator: "\n  "))
        XCTAssertLessThanOrEqual(mae, 0.02)
        XCTAssertGreaterThanOrEqual(coverage, 0.70)
        XCTAssertLessThanOrEqual(coverage, 0.90)
        XCTAssertGreaterThanOrEqual(worstTaskCoverage, 0.5)
    }
}
