import ContextScaling
import Foundation
import Planner
import XCTest

@testable import ctxplan

final class CSVTests: XCTestCase {
    func testFieldsAreQuotedOnlyWhenTheyMustBe() {
        XCTAssertEqual(CSV.quoted("plain"), "plain")
        XCTAssertEqual(CSV.quoted("a,b"), "\"a,b\"")
        XCTAssertEqual(CSV.quoted("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSV.quoted("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSV.quoted("cr\rhere"), "\"cr\rhere\"")
        XCTAssertEqual(CSV.quoted(" padded"), "\" padded\"")
        XCTAssertEqual(CSV.quoted(""), "")
    }

    func testRecordsEndInCRLFAndNumbersKeepFullPrecision() {
        let table = CSV(
            header: ["name", "x", "k"],
            rows: [
                [.text("a,b"), .number(0.1 + 0.2), .integer(-3)],
                [.text("c"), .number(1.5e23), .integer(0)],
            ])
        XCTAssertEqual(table.text, "name,x,k\r\n\"a,b\",0.30000000000000004,-3\r\nc,1.5e+23,0\r\n")
        XCTAssertEqual(Double("0.30000000000000004"), 0.1 + 0.2, "the written number reads back to the same double")
    }

    func testNonFiniteNumbersAreEmptyFields() {
        for value in [Double.nan, .infinity, -.infinity, .signalingNaN] {
            let text = CSV(header: ["v"], rows: [[.number(value)], [.number(nil)]]).text
            XCTAssertEqual(text, "v\r\n\r\n\r\n")
            XCTAssertFalse(text.lowercased().contains("nan") || text.contains("inf"))
        }
    }

    /// Whatever the fields hold, the written table reads back as itself with the project's own
    /// CSV reader, an independent parser.
    func testGeneratedTablesReadBack() throws {
        var rng = SeededGenerator(seed: 5)
        // No spaces: that reader trims them at a field's ends, quoted or not.
        let pool: [Character] = ["a", "b", ",", "\"", "\n", "\r\n", "é", "1"]
        for _ in 0..<200 {
            func field() -> String {
                String((0..<Int(rng.next() % 6)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] })
            }
            // The reader skips a row whose only field is blank, so each row has a second column.
            let rows = (0..<Int(1 + rng.next() % 4)).map { _ in [field(), "x"] }
            let header = ["h1", "h2"]
            let text = CSV(header: header, rows: rows.map { $0.map(CSV.Field.text) }).text
            let back = try CSVTable(text: text, file: "generated")
            XCTAssertEqual(back.header, header)
            XCTAssertEqual(back.rows.map(\.fields), rows, text.debugDescription)
        }
    }

    func testNoteJSONShape() throws {
        let text = JSON.note(code: "headroom", text: "a \"quoted\" note").text
        let back = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        XCTAssertEqual(back, ["code": "headroom", "text": "a \"quoted\" note"])
    }

    func testWrappingIndentsContinuationLinesAndKeepsEveryWord() {
        let text = "the compute 1.5e25 FLOPs is 2.6x the largest the fit saw; the prediction extrapolates"
        let wrapped = Wrapping.wrap(text, width: 30, indent: "      ")
        let lines = wrapped.split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(lines.count, 1)
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix("      ") && !$0.hasPrefix("       ") })
        XCTAssertTrue(lines.allSatisfy { $0.trimmingCharacters(in: .whitespaces).count <= 30 })
        XCTAssertEqual(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "), text)
        XCTAssertEqual(Wrapping.wrap(text, width: nil, indent: "  "), text, "no width (a pipe): unwrapped")
    }
}
