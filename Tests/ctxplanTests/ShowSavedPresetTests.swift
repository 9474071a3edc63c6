import Foundation
import XCTest

/// `show` of a preset saved by `fit --save`: its numbers as fit prints them, not every digit
/// the file stores.
final class ShowSavedPresetTests: XCTestCase {
    /// Each number of the ladder fit's `parameters` and `prompt` lines has at most four
    /// significant figures and rounds the value saved in the file.
    func testShowRoundsALadderPresetsParametersAndPromptLengths() throws {
        let path = TestFolders.path("ladder", suffix: ".json")
        let fit = try Harness.run([
            "fit", "--task", "commonsense", "--law", "ladder", "--bootstrap", "0", "--save", path,
        ])
        XCTAssertEqual(fit.status, 0, fit.stderr)
        let saved = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let parameters = try XCTUnwrap(saved["parameters"] as? [String: Double])
        let prompt = try XCTUnwrap(saved["prompt"] as? [String: Double])

        let show = try Harness.run(["show", path])
        XCTAssertEqual(show.status, 0, show.stderr)
        let lines = show.stdout.split(separator: "\n").map(String.init)
        let parameterLine = try XCTUnwrap(lines.first { $0.hasPrefix("parameters") })
        let words = parameterLine.split(separator: " ").dropFirst().map(String.init)
        XCTAssertEqual(words.count, 2 * parameters.count, parameterLine)
        for i in stride(from: 0, to: words.count - 1, by: 2) {
            let stored = try XCTUnwrap(parameters[words[i]], "\(words[i]) is not in the file")
            try checkRounded(words[i + 1], stored, what: words[i])
        }

        // "prompt      73.95 + shots x 73.17 tokens"
        let promptLine = try XCTUnwrap(lines.first { $0.hasPrefix("prompt") })
        let numbers = promptLine.split(separator: " ").map(String.init).filter { Double($0) != nil }
        XCTAssertEqual(numbers.count, 2, promptLine)
        try checkRounded(numbers[0], try XCTUnwrap(prompt["base_tokens"]), what: "base tokens")
        try checkRounded(numbers[1], try XCTUnwrap(prompt["shot_tokens"]), what: "shot tokens")
    }

    /// `shown` has at most four significant figures and lies within half a unit of its last
    /// figure of `stored`: it is the stored value rounded.
    private func checkRounded(_ shown: String, _ stored: Double, what: String) throws {
        let value = try XCTUnwrap(Double(shown), "\(what): '\(shown)' is not a number")
        let parts = shown.lowercased().split(separator: "e").map(String.init)
        let exponent = parts.count == 2 ? try XCTUnwrap(Int(parts[1]), shown) : 0
        let decimals = parts[0].split(separator: ".").dropFirst().first?.count ?? 0
        let figures = parts[0].filter(\.isNumber).drop { $0 == "0" }
        XCTAssertLessThanOrEqual(figures.count, 4, "\(what): '\(shown)' for \(stored)")
        let halfUnit = 0.5 * pow(10, Double(exponent - decimals))
        XCTAssertLessThanOrEqual(abs(value - stored), halfUnit * (1 + 1e-9), "\(what): '\(shown)' for \(stored)")
    }
}
