import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// `model from-config` reads what the catalogue holds: each fixture, written from a model's
/// published config.json, gives the architecture and limit of the bundled preset of that model.
final class ModelConfigTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/configs").standardizedFileURL.path

    func testEachConfigReproducesItsCatalogueEntry() throws {
        let cases: [(file: String, preset: String, sameLimit: Bool)] = [
            ("llama-3.1-8b", "Llama-3.1-8B", true), ("mistral-7b", "Mistral-7B", true),
            ("qwen2.5-7b", "Qwen2.5-7B", true), ("qwen3-8b", "Qwen3-8B", true),
            // The paper evaluates Gemma 2 at 4k; its config says 8k.
            ("gemma-2-9b", "Gemma-2-9B", false), ("gemma-3-4b", "Gemma-3-4B", true),
            ("olmo-2-7b", "OLMo-2-7B", true), ("pythia-1.4b", "Pythia-1.4B", true),
            ("opt-1.3b", "OPT-1.3B", true), ("mixtral-8x7b", "Mixtral-8x7B", true),
        ]
        for c in cases {
            let config = try ModelConfig.read(path: "\(folder)/\(c.file).json")
            let preset = try Fixtures.library.model(c.preset)
            XCTAssertEqual(config.architecture, preset.architecture, c.file)
            if c.sameLimit { XCTAssertEqual(config.nCtx, preset.nCtx, c.file) }
            let made = ModelPreset(name: c.preset, config: config, tokens: preset.pretrainTokens ?? 1e12, source: "")
            XCTAssertEqual(made.countedParams, preset.architecture?.parameters.activeNonEmbedding, c.file)
        }
    }

    /// The Gemma 3 file leaves out what Gemma3TextConfig defaults; the count still matches the
    /// technical report's 3,209M non-embedding parameters.
    func testANestedGemmaConfigTakesTransformersDefaults() throws {
        let config = try ModelConfig.read(path: "\(folder)/gemma-3-4b.json")
        XCTAssertEqual(config.architecture.parameters.nonEmbedding / 3_209e6, 1, accuracy: 0.001)
    }

    func testAnUnknownModelTypeOrAMissingFieldIsNamed() {
        func error(_ json: [String: Any]) -> ModelConfigError? {
            do {
                _ = try ModelConfig.parse(json, path: "c.json")
                return nil
            } catch { return error as? ModelConfigError }
        }
        XCTAssertEqual(
            error(["model_type": "bert"]),
            .unknownModelType(path: "c.json", modelType: "bert", supported: ModelConfig.supportedTypes))
        XCTAssertEqual(
            error(["hidden_size": 8]), .unknownModelType(path: "c.json", modelType: nil, supported: ModelConfig.supportedTypes))
        XCTAssertEqual(
            error(["model_type": "llama", "hidden_size": 8, "num_attention_heads": 2, "num_hidden_layers": 2]),
            .missingField(path: "c.json", field: "vocab_size"))
        XCTAssertEqual(
            error(["model_type": "gemma3", "text_config": ["hidden_size": 8]]),
            .missingField(path: "c.json", field: "text_config.num_hidden_layers"))
        // A boolean is no count, and a count is no boolean.
        XCTAssertEqual(
            error(["model_type": "llama", "hidden_size": true]),
            .badField(path: "c.json", field: "hidden_size", expected: .positiveWhole))
        XCTAssertEqual(
            error([
                "model_type": "llama", "hidden_size": 8, "num_attention_heads": 2, "num_hidden_layers": 2,
                "vocab_size": 10, "intermediate_size": 16, "max_position_embeddings": 64, "tie_word_embeddings": 1,
            ]), .badField(path: "c.json", field: "tie_word_embeddings", expected: .flag))
    }

    /// A truncated or mistyped file says where it stops being JSON: the line and column the
    /// text gives, counted by hand here.
    func testAConfigThatIsNotJSONSaysWhereItStops() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func error(_ text: String) throws -> ModelConfigError? {
            let path = folder.appendingPathComponent("config.json").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            do {
                _ = try ModelConfig.read(path: path)
                return nil
            } catch let e as ModelConfigError {
                guard case .jsonSyntax(_, let line, let column, let expected) = e else { return e }
                return .jsonSyntax(path: "", line: line, column: column, expected: expected)
            }
        }
        // Cut after the second member: the text ends at line 3, column 26.
        XCTAssertEqual(
            try error("{\n  \"hidden_size\": 4096,\n  \"num_hidden_layers\": 32"),
            .jsonSyntax(path: "", line: 3, column: 26, expected: .moreText))
        // An empty file, or one of white space, is empty, not truncated: it ends at line 2, column 3.
        XCTAssertEqual(try error(""), .jsonSyntax(path: "", line: 1, column: 1, expected: .nonEmptyText))
        XCTAssertEqual(try error(" \n  "), .jsonSyntax(path: "", line: 2, column: 3, expected: .nonEmptyText))
        // A trailing comma, which JSONSerialization takes: a key was due at the brace, column 18.
        XCTAssertEqual(
            try error("{\"model_type\": 1,}"), .jsonSyntax(path: "", line: 1, column: 18, expected: .key))
    }
}
