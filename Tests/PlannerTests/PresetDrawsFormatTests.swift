import Foundation
import XCTest

@testable import Planner

/// A task preset's bootstrap draws: a column per parameter, as saved now, or the array of
/// objects presets were first saved in; both load to the same laws.
final class PresetDrawsFormatTests: XCTestCase {
    let bundled = Fixtures.presets + "/tasks/arithmetic.json"

    func json(_ path: String) throws -> [String: Any] {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: path))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func write(_ object: [String: Any]) throws -> String {
        let path = Fixtures.temporaryDirectory() + "/task.json"
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testTheOlderArrayOfObjectsLoadsTheSameDraws() throws {
        var object = try json(bundled)
        let columns = try XCTUnwrap(object["draws"] as? [String: [Double]])
        let count = try XCTUnwrap(columns.values.first?.count)
        XCTAssertGreaterThan(count, 0)
        object["draws"] = (0..<count).map { i in columns.mapValues { $0[i] } }
        let legacy = try PresetLibrary.loadTask(path: try write(object))
        let current = try PresetLibrary.loadTask(path: bundled)
        XCTAssertEqual(legacy.draws.count, count)
        XCTAssertEqual(legacy.draws, current.draws)
        // Row i of the file is draw i: its alpha is column alpha's i-th value.
        // Row i of the file is draw i, centred on the law as it loads: alpha moves by one shift
        // for every draw (the median's), so its differences between rows are the file's.
        let shift = try XCTUnwrap(columns["alpha"]?[7]) - current.draws[7].parameters!.alpha
        XCTAssertEqual(
            current.draws[3].parameters!.alpha + shift, try XCTUnwrap(columns["alpha"]?[3]), accuracy: 1e-12)
    }

    func testASavedPresetWritesColumnsThatLoadBack() throws {
        let preset = try PresetLibrary.loadTask(path: bundled)
        let path = Fixtures.temporaryDirectory() + "/saved.json"
        try PresetLibrary.save(preset, to: path, overwrite: false)
        let columns = try XCTUnwrap(try json(path)["draws"] as? [String: [Double]])
        XCTAssertEqual(Set(columns.keys), ["A", "Cc", "alpha", "B", "nc", "beta"])
        XCTAssertEqual(try PresetLibrary.loadTask(path: path).draws, preset.draws)
    }

    func testColumnsOfDifferentLengthsAreRejected() throws {
        var object = try json(bundled)
        var columns = try XCTUnwrap(object["draws"] as? [String: [Double]])
        columns["beta"]?.removeLast()
        object["draws"] = columns
        XCTAssertThrowsError(try PresetLibrary.loadTask(path: try write(object)))
    }
}
