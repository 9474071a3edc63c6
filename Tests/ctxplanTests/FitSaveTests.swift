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
}
