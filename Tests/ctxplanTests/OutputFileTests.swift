import Foundation
import XCTest

/// Options that write a file: `-` is standard output where a command can print there (`plot
/// --svg -`, the same SVG the file would hold), and is refused, naming the option, where it
/// cannot; an empty value names no file. Nothing named `-` or '' is ever written.
final class OutputFileTests: XCTestCase {
    func testSVGOnStandardOutputIsTheFilesSVG() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let piped = try Shell.run(#""$CTXPLAN" plot --task arithmetic --nctx 8k --svg -"#, in: dir)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        let written = try Shell.run(#""$CTXPLAN" plot --task arithmetic --nctx 8k --svg p.svg"#, in: dir)
        XCTAssertEqual(written.status, 0, written.stderr)
        let file = try String(contentsOfFile: dir + "/p.svg", encoding: .utf8)
        XCTAssertTrue(file.hasPrefix("<?xml"))
        XCTAssertEqual(piped.stdout, file)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/-"))
    }

    func testADashOrAnEmptyFileNameIsRefusedNamingTheOption() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/configs/llama-3.1-8b.json").standardizedFileURL.path
        // plot's --svg takes '-' (standard output): only its empty name is refused.
        let cases: [(command: String, option: String, takesDash: Bool)] = [
            ("fit --task arithmetic --save", "--save", false),
            ("model from-config '\(config)' --tokens 15T --save", "--save", false),
            ("plot --task arithmetic --nctx 8k --svg", "--svg", true),
        ]
        for c in cases {
            let values = [("-", "'-' is standard output"), ("''", "no file name given")].filter { !c.takesDash || $0.0 != "-" }
            for (value, expected) in values {
                let r = try Shell.run(#""$CTXPLAN" "# + c.command + " " + value, in: dir)
                XCTAssertEqual(r.status, 2, "\(c.command) \(value): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("error: \(c.option): \(expected)"), "\(c.command) \(value): \(r.stderr)")
            }
        }
        let listed = try FileManager.default.contentsOfDirectory(atPath: dir)
        XCTAssertEqual(listed, [], "nothing written")
    }
}
