import Foundation
import XCTest

/// A prediction's scenario columns are its own fields under its own keys (`factors.compute`),
/// the decay and floor forms' factors included, so the table's score is the closed form of its
/// factors: score = floor + (1 - floor) x compute x context x penalty x decay.
final class ScenarioFactorColumnsTests: XCTestCase {
    func testTheFactorsColumnsGiveTheScore() throws {
        let tasks = JSONKeysTests.golden + "/tasks/"
        let cases = [
            (tasks + "arithmetic-decay.json", "yarn-llama-2-7b-16k,llama-2-7b", "factors.extension_decay"),
            (tasks + "arithmetic-floor.json", "llama-2-7b,llama-2-13b", "factors.chance_floor"),
        ]
        for (task, models, extra) in cases {
            let r = try Harness.run(["predict", "--task", task, "--model", models, "--shots", "31", "--format", "csv"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let records = r.stdout.components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: ",") }
            let header = try XCTUnwrap(records.first)
            XCTAssertTrue(header.contains(extra), "\(header)")
            for record in records.dropFirst() {
                let row = Dictionary(uniqueKeysWithValues: zip(header, record))
                func value(_ key: String, otherwise: Double) -> Double { row[key].flatMap(Double.init) ?? otherwise }
                let product =
                    value("factors.compute", otherwise: .nan) * value("factors.context", otherwise: .nan)
                    * value("factors.penalty", otherwise: .nan) * value("factors.extension_decay", otherwise: 1)
                let floor = value("factors.chance_floor", otherwise: 0)
                XCTAssertEqual(
                    value("score", otherwise: .nan), floor + (1 - floor) * product, accuracy: 1e-12, "\(row)")
            }
        }
    }
}
