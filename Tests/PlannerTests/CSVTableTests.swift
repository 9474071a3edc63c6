import XCTest

@testable import Planner

final class CSVTableTests: XCTestCase {
    private func table(_ text: String) throws -> CSVTable { try CSVTable(text: text, file: "t.csv") }

    private func rejection(_ text: String) -> DataFileError? {
        do {
            _ = try table(text)
            return nil
        } catch {
            return error as? DataFileError
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
        XCTAssertEqual(
            rejection("a,b\n1,2\n3,4,5\n"), DataFileError(file: "t.csv", line: 3, .tooManyFields(count: 3, columns: 2)))
    }

    func testMalformedQuotingIsRejectedWithTheLineItIsOn() {
        XCTAssertEqual(rejection("a,b\n1,2\n\"open,3\n4,5\n"), DataFileError(file: "t.csv", line: 3, .quoteNeverClosed))
        XCTAssertEqual(
            rejection("a,b\n1,2\n3,ab\"c\n"),
            DataFileError(file: "t.csv", line: 3, .misplacedQuote(.insideUnquotedField)))
        XCTAssertEqual(
            rejection("a,b\n\"x\ny\"z,1\n"),
            DataFileError(file: "t.csv", line: 3, .misplacedQuote(.textAfterClosingQuote)))
        XCTAssertEqual(
            rejection("a,b\n\"x\"\"\n"), DataFileError(file: "t.csv", line: 2, .quoteNeverClosed),
            "a doubled quote inside quotes is one quote, so the field is still open")
        XCTAssertEqual(
            rejection("a,b\n\"x\" \"\n"), DataFileError(file: "t.csv", line: 2, .misplacedQuote(.afterClosingQuote)))
    }

    func testAMalformedObservationsFileInAPresetsFolderIsReportedOnceWithPathAndLine() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/observations", withIntermediateDirectories: true)
        let bad = dir + "/observations/mine.csv"
        try "task,model,n_ctx,shots,metric\narithmetic,Llama-2-7B,4096,0,0.1\narithmetic,Llama-2-7B,4096,1,lots\n"
            .write(toFile: bad, atomically: false, encoding: .utf8)
        let reported = Reports()
        let library = PresetLibrary(directories: [dir], bundled: Fixtures.presets, report: reported.add)
        XCTAssertEqual(library.observations.count, 360, "the bundled tables still load")
        XCTAssertEqual(library.observations.count, 360)
        let rejected = QuantityError(
            what: "metric", token: "lots", kind: .plain, allowZero: true, problem: .notANumber, location: "\(bad):3")
        XCTAssertEqual(reported.all, [.skippedObservations(.number(rejected))])
        XCTAssertEqual(library.problems, reported.all)
    }

    /// A column named twice was read from its first place only; the second was silently lost.
    func testAnObservationsColumnNamedTwiceIsRejected() {
        let reader = ObservationReader(library: Fixtures.library)
        XCTAssertThrowsError(
            try reader.parse(text: "compute,Compute,n_ctx,n_pmt,metric\n1e23,2e23,4096,100,0.1\n", file: "r.csv")
        ) {
            XCTAssertEqual($0 as? DataFileError, DataFileError(file: "r.csv", line: 1, .columnNamedTwice("compute")))
        }
    }

    func testAMissingFileIsToldFromAnUnreadableOne() {
        let reader = ObservationReader(library: Fixtures.library)
        XCTAssertThrowsError(try reader.read(path: "/nonexistent/r.csv")) {
            XCTAssertEqual($0 as? DataFileError, DataFileError(file: "/nonexistent/r.csv", .missing))
        }
    }

    /// A RULER table's bad number is the same typed rejection as any data file's: its column,
    /// token and `file:line`, not a name with the place folded in.
    func testABadRulerNumberIsReportedWithItsLocation() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/observations", withIntermediateDirectories: true)
        let bad = dir + "/observations/ruler-mine.csv"
        try "model,n_ctx,n_pmt,accuracy\nX,4k,4k,0.5\nX,4k,zz,0.5\n"
            .write(toFile: bad, atomically: false, encoding: .utf8)
        let library = PresetLibrary(directories: [dir], bundled: Fixtures.presets)
        XCTAssertFalse(library.ruler.contains { $0.model == "X" }, "the bad file is skipped whole")
        let rejected = QuantityError(
            what: "n_pmt", token: "zz", kind: .contextTokens, allowZero: false, problem: .notANumber,
            location: "\(bad):3")
        XCTAssertEqual(library.problems, [.skippedObservations(.number(rejected))])
    }
}
