import Foundation
import XCTest

@testable import Planner

/// The byte-level reader of model preset files reads what `JSONDecoder` reads, and leaves every
/// file it does not read the same way to the decoder.
final class ModelPresetFileReaderTests: XCTestCase {
    let folder = Fixtures.presets + "/models"

    func data(_ name: String) throws -> Data {
        try XCTUnwrap(FileManager.default.contents(atPath: folder + "/" + name))
    }

    func testEveryBundledModelReadsAsTheDecoderReadsIt() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
        XCTAssertGreaterThan(names.count, 50)
        for name in names {
            let file = try data(name)
            let quick = try XCTUnwrap(ModelPresetFileReader.read(file), name)
            XCTAssertEqual(quick, try JSONDecoder().decode(ModelPreset.self, from: file), name)
        }
    }

    func testDefaultsNullsAndUnpublishedTokensReadAsTheDecoderReadsThem() throws {
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: try data("llama-2-7b.json")) as? [String: Any])
        object["pretrain_tokens"] = "Not Published"
        object["base"] = NSNull()
        object.removeValue(forKey: "extension_tokens")
        object["unknown"] = [1, 2]
        var architecture = try XCTUnwrap(object["architecture"] as? [String: Any])
        architecture.removeValue(forKey: "kv_heads")
        architecture["mlp"] = "plain"
        architecture["qk_norm"] = "head"
        architecture["final_norm"] = false
        object["architecture"] = architecture
        let file = try JSONSerialization.data(withJSONObject: object)
        let quick = try XCTUnwrap(ModelPresetFileReader.read(file))
        XCTAssertEqual(quick, try JSONDecoder().decode(ModelPreset.self, from: file))
        XCTAssertNil(quick.pretrainTokens)
        XCTAssertEqual(quick.architecture?.mlp, .plain)
    }

    func testWhatTheReaderDoesNotReadAlikeIsLeftToTheDecoder() throws {
        let text = try XCTUnwrap(String(data: try data("llama-2-7b.json"), encoding: .utf8))
        let variants = [
            text.replacingOccurrences(of: "\"n_ctx\": 4096", with: "\"n_ctx\": \"4096\""),
            text.replacingOccurrences(of: "\"pretrain_tokens\": 2000000000000.0", with: "\"pretrain_tokens\": \"many\""),
            text.replacingOccurrences(of: "\"tied_embeddings\": false", with: "\"tied_embeddings\": 0"),
            text.replacingOccurrences(of: "\"heads\": 32,", with: "\"heads\": 32, \"mlp\": \"wide\","),
            text.replacingOccurrences(of: "\"name\": \"Llama-2-7B\",", with: "\"name\": \"Llama-2-7B\", \"name\": \"x\","),
            text.replacingOccurrences(of: "\"d_model\": 4096", with: "\"d_model\": NaN"),
            "\u{FEFF}" + text,
        ]
        for (i, variant) in variants.enumerated() {
            XCTAssertNotEqual(variant, text, "variant \(i) changed nothing")
            XCTAssertNil(ModelPresetFileReader.read(Data(variant.utf8)), "variant \(i)")
        }
    }
}
