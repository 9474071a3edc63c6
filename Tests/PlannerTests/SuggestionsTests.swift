import ContextScaling
import Dispatch
import XCTest

@testable import Planner

final class SuggestionsTests: XCTestCase {
    /// Plain Levenshtein, the whole table.
    private func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        var d = (0...b.count).map { $0 }
        for i in 1...max(1, a.count) where !a.isEmpty {
            var row = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                row[j] = min(d[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), d[j] + 1, row[j - 1] + 1)
            }
            d = row
        }
        return d[b.count]
    }

    func testTheBandedDistanceAgreesWithTheFullTableWithinItsLimit() {
        var rng = SeededGenerator(seed: 11)
        let alphabet = Array("abc")
        for _ in 0..<3000 {
            let a = (0..<Int.random(in: 0...9, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let b = (0..<Int.random(in: 0...9, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let limit = Int.random(in: 0...6, using: &rng)
            let full = levenshtein(a, b)
            XCTAssertEqual(
                Suggestions.editDistance(a, b, atMost: limit), full <= limit ? full : nil,
                "\(String(a)) \(String(b)) limit \(limit)")
        }
    }

    func testTheClosestIsTheNearestWithinItsTypoLimit() {
        let names = ["arithmetic", "commonsense", "translation", "Llama-2-7B", "Llama-2-13B"]
        XCTAssertEqual(Suggestions.closest(to: "arithmatic", among: names), "arithmetic")
        XCTAssertEqual(Suggestions.closest(to: "llama-2-7", among: names), "Llama-2-7B")
        XCTAssertEqual(Suggestions.closest(to: "LLAMA-2-13b", among: names), "Llama-2-13B")
        XCTAssertNil(Suggestions.closest(to: "zebra", among: names))
        // Brute force over random words: the answer is a candidate of least distance among
        // those within max(2, longer / 3), the first of equals.
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<500 {
            let length = Int.random(in: 1...12, using: &rng)
            let word = String((0..<length).map { _ in "lamr-27b".randomElement(using: &rng)! })
            let within = names.enumerated().compactMap { i, n -> (Int, Int)? in
                let d = levenshtein(Array(word.lowercased()), Array(n.lowercased()))
                return d <= max(2, max(word.count, n.count) / 3) ? (d, i) : nil
            }
            let best = within.min { $0 < $1 }.map { names[$0.1] }
            XCTAssertEqual(Suggestions.closest(to: word, among: names), best, word)
        }
    }

    func testAMegabyteWordIsRejectedAtOnce() {
        let names = ["arithmetic", "commonsense", "translation", "--task", "--model"]
        let word = String(repeating: "arithmetic", count: 100_000)
        XCTAssertNil(Suggestions.closest(to: word, among: names))
        // Just past the cutoff (2 x 11 + 3 characters) is already too far for any candidate.
        XCTAssertNil(Suggestions.closest(to: String(repeating: "a", count: 26), among: names))
    }
}
