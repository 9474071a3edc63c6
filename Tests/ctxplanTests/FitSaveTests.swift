import Foundation
import XCTest

final class FitSaveTests: XCTestCase {
    /// The hint after `fit --save` is a `--task` argument that loads the saved file, whatever
    /// form the path took; the refit law it loads scores as the fit reported.
    func testTheSavedHintLoadsTheFile() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for save in ["mine", "mine2.json", "./mine3", dir + "/mine4"] {
            let fit = try Shell.run(#""$CTXPLAN" fit --task arithmetic --save '"# + save + "'", in: dir)
            XCTAssertEqual(fit.status, 0, fit.stderr)
            guard let hint = fit.stdout.split(separator: "\n").first(where: { $0.contains("use it with --task ") })
            else {
                XCTFail("no hint for \(save): \(fit.stdout)")
                continue
            }
            let task = String(hint.components(separatedBy: "use it with --task ")[1])
            let show = try Shell.run(
                #""$CTXPLAN" predict --task '"# + task + #"' --model llama-2-7b --shots 31 --json"#, in: dir)
            XCTAssertEqual(show.status, 0, "--task \(task) after --save \(save): \(show.stderr)")
        }
    }

    /// The saved preset says what it was fitted to: the bundled arithmetic records, counted here
    /// from the table file, and the law's form.
    func testTheSavedPresetDescribesItsFit() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fit = try Shell.run(#""$CTXPLAN" fit --task arithmetic --save mine.json"#, in: dir)
        XCTAssertEqual(fit.status, 0, fit.stderr)
        let table = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Presets/observations/paper-tables-8-10.csv")
        let records = try String(contentsOf: table, encoding: .utf8).split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix("arithmetic,") }.count
        let saved = try Data(contentsOf: URL(fileURLWithPath: dir + "/mine.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: saved) as? [String: Any])
        XCTAssertEqual(json["description"] as? String, "fitted to \(records) records of arithmetic")
        let source = try XCTUnwrap(json["source"] as? String)
        XCTAssertTrue(source.hasPrefix("ctxplan fit (paper law), MAE 0.0"), source)
    }
}
