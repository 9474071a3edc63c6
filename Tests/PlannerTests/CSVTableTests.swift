import XCTest

@testable import Planner

final class CSVTableTests: XCTestCase {
    private func table(_ text: String) throws -> CSVTable { try CSVTable(text: text, file: "t.csv") }

    private func rejection(_ text: String) -> String {
        do {
            _ = try table(text)
            return "accepted"
        } catch {
            return (error as? InputError)?.message ?? "\(error)"
        }
    }

    func testDoubledQuotesInsideAQuotedFieldAreOneQuote() throws {
        let t = try table("name,note\na,\"say \"\"hi\"\", then \"\"bye\"\"\"\n")
        XCTAssertEqual(t.rows.map(\.fields), [["a", "say \"hi\", then \"bye\""]])
    }

    func testAQuotedFieldMaySpanLinesAndLaterRowsKeepTheirLineNumbers() throws {
        let t = try table("a,b\n\"one\ntwo\nthree\",x\n1,2\n")
        XCTAssertEqual(t.rows.map(\.fields), [["one\ntwo\nthree", "x"], ["1", "2"]])
        XCTAssertEqual(t.rows.map(\.line), [2, 5])
    }

    func testCRLFAndATrailingEmptyLineAndABOM() throws {
        let t = try table("\u{FEFF}a,b\r\n1,2\r\n\r\n3,4\r\n\r\n")
        XCTAssertEqual(t.header, ["a", "b"])
        XCTAssertEqual(t.rows.map(\.fields), [["1", "2"], ["3", "4"]])
        XCTAssertEqual(t.rows.map(\.line), [2, 4])
    }

    func testATrailingCommaIsHarmlessButAnExtraValueIsRejectedWithItsLine() throws {
        XCTAssertEqual(try table("a,b\n1,2,\n").rows.map(\.fields), [["1", "2", ""]])
        XCTAssertEqual(rejection("a,b\n1,2\n3,4,5\n"), "t.csv:3: 3 fields; expected at most 2, as in the header")
    }

    func testMalformedQuotingIsRejectedWithTheLineItIsOn() {
        XCTAssertTrue(rejection("a,b\n1,2\n\"open,3\n4,5\n").hasPrefix("t.csv:3: a quoted field is never closed"))
        XCTAssertTrue(rejection("a,b\n1,2\n3,ab\"c\n").hasPrefix("t.csv:3: a quote inside an unquoted field"))
        XCTAssertTrue(rejection("a,b\n\"x\ny\"z,1\n").hasPrefix("t.csv:3: text after a quoted field's closing quote"))
    }

    func testAMalformedObservationsFileInAPresetsFolderIsReportedOnceWithPathAndLine() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/observations", withIntermediateDirectories: true)
        let bad = dir + "/observations/mine.csv"
        try "task,model,n_ctx,shots,metric\narithmetic,Llama-2-7B,4096,0,0.1\narithmetic,Llama-2-7B,4096,1,lots\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let reported = Reports()
        let library = PresetLibrary(directories: [dir], bundled: Fixtures.presets, report: reported.add)
        XCTAssertEqual(library.observations.count, 360, "the bundled tables still load")
        XCTAssertEqual(library.observations.count, 360)
        XCTAssertEqual(reported.all.count, 1, "\(reported.all)")
        XCTAssertTrue(reported.all[0].contains("\(bad):3") && reported.all[0].contains("lots"), reported.all[0])
        XCTAssertEqual(library.problems, reported.all)
    }

    /// A column named twice was read from its first place only; the second was silently lost.
    func testAnObservationsColumnNamedTwiceIsRejected() {
        let reader = ObservationReader(library: Fixtures.library)
        XCTAssertThrowsError(
            try reader.parse(text: "compute,Compute,n_ctx,n_pmt,metric\n1e23,2e23,4096,100,0.1\n", file: "r.csv")
        ) {
            XCTAssertEqual(
                ($0 as? InputError)?.message, "r.csv:1: the column 'compute' is named twice; expected each column once")
        }
    }

    func testAMissingFileIsToldFromAnUnreadableOne() {
        let reader = ObservationReader(library: Fixtures.library)
        XCTAssertThrowsError(try reader.read(path: "/nonexistent/r.csv")) {
            XCTAssertEqual(($0 as? InputError)?.message, "/nonexistent/r.csv: no such file")
        }
    }
}
