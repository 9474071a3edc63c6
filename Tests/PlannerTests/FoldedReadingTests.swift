import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// A fit's reader folds rows that read alike into one record with a count, and reads a large
/// file in parts side by side: neither may change what is read, what is fitted or which line a
/// rejection names.
final class FoldedReadingTests: XCTestCase {
    /// 3 compute levels x 2 limits x 4 prompt lengths, each row a 0/1 draw (a fixed generator),
    /// rows cycling over the groups as an evaluation writes them; some rows carry an instance id
    /// the reader ignores, so that rows alike in what is read differ in their text.
    private func perInstanceText(rows: Int) -> String {
        var groups: [(String, Double)] = []
        for flops in ["1e21", "1e22", "1e23"] {
            for nCtx in [4096, 8192] {
                for nPmt in [100, 400, 1600, 6400] {
                    let p = nPmt <= nCtx ? 0.2 + 0.1 * Double(groups.count % 7) : 0.02
                    groups.append(("\(flops),\(nCtx),\(nPmt)", p))
                }
            }
        }
        var state: UInt64 = 0x5EED
        var text = "id,compute,n_ctx,n_pmt,metric\n"
        for row in 0..<rows {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let (cells, p) = groups[row % groups.count]
            text += "\(row),\(cells),\(Double(state >> 11) * 0x1p-53 < p ? 1 : 0)\n"
        }
        return text
    }

    private func reader(folding: Bool, split: Int? = nil) -> ObservationReader {
        var reader = ObservationReader(library: Fixtures.library, foldsRepeats: folding)
        if let split { reader.smallestSplit = split }
        return reader
    }

    /// The records each row gives, one per row: a folded record repeated by its count.
    private func unfolded(_ records: [Observation]) -> [Observation] {
        records.flatMap { record -> [Observation] in
            var one = record
            one.count = 1
            return Array(repeating: one, count: record.count)
        }
    }

    private struct Point: Hashable {
        var flops: Double, nCtx: Double, nPmt: Double, metric: Double
        init(_ o: Observation) { (flops, nCtx, nPmt, metric) = (o.flops, o.nCtx, o.nPmt, o.metric) }
    }

    private func tally(_ records: [Observation]) -> [Point: Int] {
        records.reduce(into: [:]) { $0[Point($1), default: 0] += $1.count }
    }

    func testFoldedRowsAreTheRowsCounted() throws {
        let text = perInstanceText(rows: 5_000)
        let rows = try reader(folding: false).parse(text: text, file: "r.csv")
        let folded = try reader(folding: true).parse(text: text, file: "r.csv")
        XCTAssertEqual(rows.count, 5_000)
        // At most a 0 and a 1 record per group.
        XCTAssertLessThanOrEqual(folded.count, 48)
        XCTAssertEqual(folded.observationCount, 5_000)
        XCTAssertEqual(tally(folded), tally(rows))
        // Each folded record keeps the line of the first row it stands for.
        let firstLines = Dictionary(rows.map { (Point($0), $0.origin) }, uniquingKeysWith: { first, _ in first })
        for record in folded { XCTAssertEqual(record.origin, firstLines[Point(record)]) }
    }

    /// The fit's objective over groups is the rows' (less their scatter about the group means):
    /// the same law, and the same statistics over the observations, folded or not.
    func testAFitOfFoldedRowsIsTheFitOfTheRows() throws {
        let text = perInstanceText(rows: 3_000)
        let rows = try reader(folding: false).parse(text: text, file: "r.csv")
        let folded = try reader(folding: true).parse(text: text, file: "r.csv")
        let planner = Fixtures.planner
        let byRow = try planner.fit(name: "t", records: rows, form: .paper, seed: 0)
        let byFold = try planner.fit(name: "t", records: folded, form: .paper, seed: 0)
        XCTAssertEqual(byFold.result.n, 3_000)
        for (a, b) in zip(byRow.result.law.values, byFold.result.law.values) {
            XCTAssertEqual(a, b, accuracy: 1e-9 * max(1, abs(a)))
        }
        XCTAssertEqual(byFold.result.sse, byRow.result.sse, accuracy: 1e-9 * byRow.result.sse)
        XCTAssertEqual(byFold.result.mae, byRow.result.mae, accuracy: 1e-12)
        // The sum of squares the rows give, computed here from the folded law row by row.
        let law = byFold.result.law
        let sse = rows.reduce(0) { $0 + pow($1.metric - law.predicted($1), 2) }
        XCTAssertEqual(byFold.result.sse, sse, accuracy: 1e-9 * sse)
        XCTAssertEqual(
            byFold.byModel.map { $0.2 }, byRow.byModel.map { $0.2 }, "the residual table counts observations")
    }

    func testAFileReadInPartsIsTheFileReadWhole() throws {
        let text = perInstanceText(rows: 2_000)
        for folding in [false, true] {
            let whole = try reader(folding: folding).parse(text: text, file: "r.csv")
            let parts = try reader(folding: folding, split: 1).parse(text: text, file: "r.csv")
            XCTAssertEqual(parts, whole)
        }
    }

    /// A bad row in a later part is named at its own line, and of two bad rows the first.
    func testRejectionsInPartsNameTheFirstBadLine() {
        var lines = perInstanceText(rows: 2_000).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[1_700] = "1699,1e22,4096,100,1.5"
        let late = lines.joined(separator: "\n")
        lines[300] = "299,1e22,4096,x,1"
        let both = lines.joined(separator: "\n")
        for folding in [false, true] {
            XCTAssertThrowsError(try reader(folding: folding, split: 1).parse(text: late, file: "r.csv")) { error in
                XCTAssertEqual(
                    error as? DataFileError,
                    DataFileError(file: "r.csv", line: 1_701, .outsideUnitInterval(column: "metric", token: "1.5")))
            }
            XCTAssertThrowsError(try reader(folding: folding, split: 1).parse(text: both, file: "r.csv")) { error in
                XCTAssertEqual((error as? QuantityError)?.location, "r.csv:301", "\(error)")
            }
        }
    }

    /// Quotes may hold line breaks, so a file with them is read in one part, and still folded.
    func testAFileWithQuotesIsReadWhole() throws {
        let text = "id,compute,n_ctx,n_pmt,metric\n\"a\nb\",1e22,4096,100,1\n2,1e22,4096,100,1\n3,\"1e23\",4096,100,0\n"
        let records = try reader(folding: true, split: 1).parse(text: text, file: "q.csv")
        XCTAssertEqual(records.map(\.count), [2, 1])
        XCTAssertEqual(records.map(\.origin), ["q.csv:2", "q.csv:5"])
        XCTAssertEqual(records.map(\.flops), [1e22, 1e23])
    }

    func testMappedFilesAreCheckedAsTheyWereRead() throws {
        let dir = Fixtures.temporaryDirectory()
        let bad = dir + "/bad.csv"
        try Data([0x63, 0x6F, 0x6D, 0x70, 0x75, 0x74, 0x65, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: bad))
        let empty = dir + "/empty.csv"
        try Data().write(to: URL(fileURLWithPath: empty))
        let good = dir + "/good.csv"
        let text = perInstanceText(rows: 500)
        try Data(text.utf8).write(to: URL(fileURLWithPath: good))
        let reader = reader(folding: true, split: 1)
        for (path, problem) in [
            (bad, DataFileError.Problem.notUTF8), (empty, .empty), (dir, .unreadable), (dir + "/none.csv", .missing),
        ] {
            XCTAssertThrowsError(try reader.read(path: path)) { error in
                XCTAssertEqual(error as? DataFileError, DataFileError(file: path, problem))
            }
        }
        let read = try reader.read(path: good)
        XCTAssertEqual(read.map(\.count), try reader.parse(text: text, file: good).map(\.count))
        XCTAssertEqual(read.observationCount, 500)
    }
}
