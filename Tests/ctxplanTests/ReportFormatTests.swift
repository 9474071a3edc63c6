import XCTest

@testable import ctxplan

/// The formats read one report: JSON in the fields' order, text by rank, scenario columns under
/// their key paths, CSV from the table.
final class ReportFormatTests: XCTestCase {
    private struct Note: NoteRendering {
        var code = "a_note"
        var text = "said once"
    }

    private var report: Report {
        Report([
            Field("name", .string("x"), text: .field("name", "x"), textRank: 1),
            Field("score", .score(0.25), text: .field("score", .bold("0.250")), column: Column("score")),
            Field(nil, .null, text: .line("a line for people")),
            Field(
                "factors",
                .report(
                    Report([Field("compute", .score(0.5), text: .field("  compute", "0.500"), column: Column("c."))])),
                text: .inPlace),
            Field(
                "rows",
                .table(
                    ReportTable(
                        columns: [
                            .init(key: "k", header: "k"),
                            .init(key: "only_text", header: "t", inJSON: false, inCSV: false),
                        ],
                        rows: [[.init(.integer(3)), .init(.null, text: "-")]])),
                text: .inPlace),
            .notes([Note()], rank: 2),
        ])
    }

    func testJSONKeepsTheFieldsOrderAndLeavesTextOnlyFieldsOut() {
        XCTAssertEqual(
            JSONFormat.json(report).text,
            #"{"name": "x", "score": 0.25, "factors": {"compute": 0.5}, "rows": [{"k": 3}], "notes": [{"code": "a_note", "text": "said once"}]}"#
        )
    }

    func testTextOrdersByRankAndAlignsLabels() {
        let text = TextFormat.text(report, style: Style(colour: false), width: nil)
        XCTAssertEqual(
            text.components(separatedBy: "\n"),
            ["score  0.250", "a line for people", "  compute  0.500", "k  t", "3  -", "name  x", "note: said once"])
        XCTAssertTrue(TextFormat.text(report, style: Style(colour: true), width: nil).contains("\u{1B}[1m0.250"))
    }

    func testScenarioColumnsAreNamedByKeyPath() {
        XCTAssertEqual(ScenarioColumns.columns(report).map(\.key), ["score", "factors.compute"])
        XCTAssertEqual(ScenarioColumns.columns(report).map(\.text), ["0.250", "0.500"])
    }

    func testCSVIsTheTableWithoutTextOnlyColumns() {
        XCTAssertEqual(CSVFormat.csv(report)?.text, "k\r\n3\r\n")
    }
}
