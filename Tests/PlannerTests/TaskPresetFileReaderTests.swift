import Foundation
import XCTest

@testable import Planner

/// The byte-level reader of task preset files reads what `JSONDecoder` reads, value for value,
/// and leaves every file it does not read the same way to the decoder (whose messages name the
/// bad field).
final class TaskPresetFileReaderTests: XCTestCase {
    /// A file's decoded form as sorted JSON: equal texts are equal values (doubles round-trip).
    func canonical(_ file: TaskPresetFile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(file), as: UTF8.self)
    }

    func assertReadsAsTheDecoderDoes(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws {
        let quick = try XCTUnwrap(TaskPresetFileReader.read(data), "the reader left it to the decoder", file: file, line: line)
        let decoded = try JSONDecoder().decode(TaskPresetFile.self, from: data)
        XCTAssertEqual(try canonical(quick), try canonical(decoded), file: file, line: line)
    }

    func object(_ task: String) throws -> [String: Any] {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: Fixtures.presets + "/tasks/\(task).json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testEveryBundledTaskReadsAsTheDecoderReadsIt() throws {
        let folder = Fixtures.presets + "/tasks"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
        XCTAssertFalse(names.isEmpty)
        for name in names {
            try assertReadsAsTheDecoderDoes(try XCTUnwrap(FileManager.default.contents(atPath: folder + "/" + name)))
        }
    }

    func testDrawsAsObjectsNullsAndAbsentFieldsReadAsTheDecoderReadsThem() throws {
        var object = try object("commonsense")
        let columns = try XCTUnwrap(object["draws"] as? [String: [Double]])
        object["draws"] = (0..<3).map { i in columns.mapValues { $0[i] } as [String: Any] }
        object["description"] = NSNull()
        object["floor"] = 0.25
        object["unknown_field"] = ["anything": [1, "two"]]
        object.removeValue(forKey: "fit_range")
        object.removeValue(forKey: "residuals")
        var parameters = try XCTUnwrap(object["parameters"] as? [String: Any])
        parameters["s"] = NSNull()
        parameters["not_a_parameter"] = "ignored"
        object["parameters"] = parameters
        try assertReadsAsTheDecoderDoes(try JSONSerialization.data(withJSONObject: object))
    }

    func testAnotherFormsParametersReadAsTheDecoderReadsThem() throws {
        var object = try object("arithmetic")
        object["law"] = "soft"
        var parameters = try XCTUnwrap(object["parameters"] as? [String: Any])
        parameters["s"] = 3.5
        object["parameters"] = parameters
        var columns = try XCTUnwrap(object["draws"] as? [String: [Double]])
        let count = try XCTUnwrap(columns["A"]?.count)
        columns["s"] = (0..<count).map { 1 + Double($0) / 7 }
        object["draws"] = columns
        try assertReadsAsTheDecoderDoes(try JSONSerialization.data(withJSONObject: object))
    }

    func testWhatTheReaderDoesNotReadAlikeIsLeftToTheDecoder() throws {
        let text = try XCTUnwrap(String(data: try JSONSerialization.data(withJSONObject: try object("arithmetic")), encoding: .utf8))
        let variants = [
            // A key twice, a string for a number, a non-finite literal, a number too large for a
            // double, an unknown law, a byte-order mark, text that is not JSON.
            text.replacingOccurrences(of: "{\"", with: "{\"name\":\"twice\",\"", options: .anchored),
            text.replacingOccurrences(of: "\"extrapolation_sd_per_decade\":", with: "\"extrapolation_sd_per_decade\":\"0.1\",\"x\":"),
            text.replacingOccurrences(of: "\"residuals\":[", with: "\"residuals\":[NaN,"),
            text.replacingOccurrences(of: "\"residuals\":[", with: "\"residuals\":[1e999,"),
            text.replacingOccurrences(of: "\"law\":\"paper\"", with: "\"law\":\"nonsense\""),
            "\u{FEFF}" + text,
            String(text.dropLast()),
        ]
        for (i, variant) in variants.enumerated() {
            XCTAssertNotEqual(variant, text, "variant \(i) changed nothing")
            XCTAssertNil(TaskPresetFileReader.read(Data(variant.utf8)), "variant \(i)")
        }
    }
}
