import Foundation
import XCTest

/// `--format` and `--json` as a user types them.
final class OutputFormatTests: XCTestCase {
    let predict = ["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "31"]

    func testFormatJSONIsTheSameAsJSON() throws {
        let long = try Harness.run(predict + ["--format", "json"])
        let short = try Harness.run(predict + ["--json"])
        XCTAssertEqual(long.status, 0, long.stderr)
        XCTAssertEqual(long.stdout, short.stdout)
        XCTAssertEqual(try Harness.run(predict + ["--json", "--format", "json"]).stdout, short.stdout)
    }

    func testJSONBesideFormatCSVIsRejected() throws {
        let result = try Harness.run(predict + ["--json", "--format", "csv"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--json and --format csv"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testCSVOfAnAnswerWithNoTableNamesTheCommand() throws {
        for (command, arguments) in [
            ("predict", predict),
            ("explain", ["explain"] + predict.dropFirst()),
        ] {
            let result = try Harness.run(arguments + ["--format", "csv"])
            XCTAssertEqual(result.status, 2, command)
            XCTAssertTrue(result.stderr.contains("'\(command)'") && result.stderr.contains("no CSV"), result.stderr)
            XCTAssertEqual(result.stdout, "")
        }
    }

    func testUnknownFormatIsNamed() throws {
        let result = try Harness.run(predict + ["--format", "xml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("xml"), result.stderr)
    }
}
