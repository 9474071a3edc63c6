import XCTest

@testable import Planner

/// The observations reader streams the file's bytes and reads each distinct cell text once: what
/// it reads must not depend on how a cell is written (quoted, padded, CRLF) or on what it read
/// before for the same text.
final class ObservationScanTests: XCTestCase {
    private func read(_ text: String) throws -> [Observation] {
        try ObservationReader(library: Fixtures.library).parse(text: text, file: "s.csv")
    }

    private struct Point: Equatable {
        var task: String?, flops: Double, nCtx: Double, nPmt: Double, metric: Double
    }

    private func points(_ observations: [Observation]) -> [Point] {
        observations.map { Point(task: $0.task, flops: $0.flops, nCtx: $0.nCtx, nPmt: $0.nPmt, metric: $0.metric) }
    }

    func testCellsReadTheSameHoweverTheyAreWritten() throws {
        let plain = "task,compute,n_ctx,n_pmt,metric\na,1e23,8192,300,0.5\na,1e23,8192,300,1\nb'c,2e23,4096,70,0\n"
        let messy =
            "\u{FEFF}task,compute,n_ctx,n_pmt,metric\r\n"
            + "a, 1e23 ,8k,\"300\",0.50\r\n"
            + "\"a\",\"1e23\",  8192,300 ,1\r\n"
            + "\r\n"
            + "  \"b'c\" ,2e2\r3,4k,\" 70\",0\n"
        XCTAssertEqual(points(try read(messy)), points(try read(plain)))
        XCTAssertEqual(try read(messy).map(\.origin), ["s.csv:2", "s.csv:3", "s.csv:5"])
        XCTAssertEqual(try read("task,compute,n_ctx,n_pmt,metric\n\"b\"\"c\",1e23,8k,70,0\n").first?.task, "b\"c")
    }

    /// More distinct prompt lengths than the cache keeps: every one still reads as written.
    func testAColumnOfMostlyDistinctValuesReadsEveryValue() throws {
        let count = 70_000
        var text = "compute,n_ctx,n_pmt,metric\n"
        for i in 0..<count { text += "1e23,131072,\(i + 1),\(i % 2)\n" }
        let observations = try read(text)
        XCTAssertEqual(observations.map(\.nPmt), (1...count).map(Double.init))
        XCTAssertEqual(observations.map(\.metric), (0..<count).map { Double($0 % 2) })
    }

    /// A bad cell after a quoted field that spans lines is rejected at its own line, and one
    /// that repeats a text read well before is still rejected.
    func testRejectionsNameTheirLineAfterCachedAndMultiLineCells() {
        let text = "task,compute,n_ctx,n_pmt,metric\n\"x\ny\",1e23,8192,300,0.5\nx,1e23,8192,300,1.5\n"
        XCTAssertThrowsError(try read(text)) { error in
            XCTAssertEqual(
                error as? DataFileError,
                DataFileError(file: "s.csv", line: 4, .outsideUnitInterval(column: "metric", token: "1.5")))
        }
    }
}
