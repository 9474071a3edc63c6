import Foundation
import XCTest

/// `model from-config` as a user runs it: the saved preset answers questions, and a file that
/// is no model is named with exit status 2.
final class ModelCommandTests: XCTestCase {
    private let configs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/configs").standardizedFileURL.path

    func testASavedPresetFromAConfigAnswersLikeTheCatalogueEntry() throws {
        let dir = NSTemporaryDirectory() + "ctxplan-model-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let saved = try Harness.run([
            "model", "from-config", configs + "/llama-3.1-8b.json", "--tokens", "15T", "--name", "My-8B",
            "--save", dir + "/models/my-8b.json",
        ])
        XCTAssertEqual(saved.status, 0, saved.stderr)
        let question = ["predict", "--task", "commonsense", "--shots", "5", "--json"]
        let mine = try Harness.json(question + ["--model", "My-8B", "--presets", dir])
        let catalogue = try Harness.json(question + ["--model", "meta-llama/Llama-3.1-8B"])
        XCTAssertEqual(mine["score"] as? Double, catalogue["score"] as? Double)
        XCTAssertEqual(mine["compute"] as? Double, catalogue["compute"] as? Double)
        let again = try Harness.run([
            "model", "from-config", configs + "/llama-3.1-8b.json", "--tokens", "15T", "--save", dir + "/models/my-8b.json",
        ])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
    }

    func testAConfigOfAnUnknownTypeOrWithoutAFieldIsNamed() throws {
        let dir = NSTemporaryDirectory() + "ctxplan-model-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"{"model_type": "t5", "d_model": 512}"#.write(toFile: dir + "/t5.json", atomically: true, encoding: .utf8)
        try #"{"model_type": "qwen2", "hidden_size": 896, "num_hidden_layers": 24}"#
            .write(toFile: dir + "/qwen.json", atomically: true, encoding: .utf8)
        try #"{"hidden_size": 896}"#.write(toFile: dir + "/untyped.json", atomically: true, encoding: .utf8)
        try "{\"model_type\": \"llama\",\n  \"hidden_size\": 40".write(
            toFile: dir + "/cut.json", atomically: true, encoding: .utf8)
        let cases = [
            ("t5.json", "model_type 't5' is not one ctxplan can count"), ("qwen.json", "no num_attention_heads"),
            ("absent.json", "cannot read"), ("untyped.json", "untyped.json: no model_type; expected one of gemma"),
            // Cut after "40": the text ends at line 2, column 20.
            ("cut.json", "cut.json:2:20: not valid JSON; expected more text: the file ends early"),
        ]
        for (file, message) in cases {
            let r = try Harness.run(["model", "from-config", dir + "/" + file, "--tokens", "1T"])
            XCTAssertEqual(r.status, 2, file)
            XCTAssertTrue(r.stderr.contains(message), "\(file): \(r.stderr)")
        }
    }

    /// A model whose tokens are not published asks for them, and answers with them.
    func testAModelWithoutPublishedTokensNeedsThem() throws {
        let without = try Harness.run(["predict", "--task", "commonsense", "--model", "mixtral-8x7b", "--shots", "5"])
        XCTAssertEqual(without.status, 2)
        XCTAssertTrue(without.stderr.contains("Mixtral-8x7B's pre-training tokens are not published"), without.stderr)
        XCTAssertTrue(without.stderr.contains("--tokens"), without.stderr)
        let with = try Harness.json([
            "predict", "--task", "commonsense", "--model", "mixtral-8x7b", "--shots", "5", "--tokens", "8T", "--json",
        ])
        let compute = try XCTUnwrap(with["compute"] as? Double)
        // 6ND with Mixtral's active (2 of 8 experts) non-embedding parameters: 12.6B, not 46B.
        XCTAssertEqual(compute / (6 * 8e12), 12.62e9, accuracy: 0.01e9)
    }
}
