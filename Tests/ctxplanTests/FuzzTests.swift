import ContextScaling
import Foundation
import XCTest

/// Thousands of generated lines, ordinary and hostile, through one piped REPL: the session must
/// survive them all, answer or reject each line once, and never print a non-finite number.
final class FuzzTests: XCTestCase {
    static let commands = [
        "predict", "explain", "cost", "table", "shots", "context-for", "compute-for", "extend",
        "budget", "heatmap", "plot", "show", "set", "unset", "presets", "help", "use",
    ]
    static let flags = [
        "--task", "--model", "--shots", "--nctx", "--compute", "--prompt-tokens", "--to", "--within",
        "--reserve", "--target", "--gpu", "--gpus", "--mfu", "--interval", "--json", "--steps", "--batch",
        "--price", "--tokens", "--params", "--limits", "--width", "--height", "--ascii", "--attention",
    ]
    static let values = [
        "arithmetic", "commonsense", "translation", "llama-2-7b", "llama-2-13b", "gemma-2-27b",
        "qwen2.5-0.5b", "yarn-llama-2-7b-128k", "h100", "b200", "task", "model", "nctx", "gpu",
        "nan", "NaN", "inf", "-inf", "infinity", "-0", "0", "1", "-1", "-3", "-0.4", "0.5", "0.9999999999",
        "32", "8k", "1k", "128k", "2T", "0.21B", "1e400", "1e308", "-1e400", "1e-300", "4.9e-324",
        "1e-9", "99999999999999999999999", "1_000", "_", "__", "1e", "e5", ".", "0x10", "1,5", "١٢",
        "café", "∞", "🙂", "'", "\"", "\\", "'a b'", "\"x\\\"y\"", "#", "--", "-", "=", "--nctx=8k",
    ]

    static func line(_ rng: inout SeededGenerator) -> String {
        func pick(_ words: [String]) -> String { words[Int(rng.next() % UInt64(words.count))] }
        if rng.unit() < 0.3 {
            let all = commands + flags + values
            return (0..<(1 + Int(rng.next() % 9))).map { _ in pick(all) }.joined(separator: " ")
        }
        var parts = [pick(commands)]
        if rng.unit() < 0.3 { parts.append(pick(values)) }
        for _ in 0..<Int(rng.next() % 6) { parts += [pick(flags), pick(values)] }
        return parts.joined(separator: " ")
    }

    func testGeneratedLinesThroughOneSession() throws {
        var rng = SeededGenerator(seed: 2025)
        var lines = (0..<2000).map { _ in Self.line(&rng) }
        // Known traps from the issue, then a clean slate and a known answer to find at the end.
        lines += [
            "heatmap --task arithmetic --nctx 32", "shots --task arithmetic --model llama-2-7b --within 1e-16",
            "context-for 0.13262776459459982 --task arithmetic --model llama-2-7b", "unset",
            "predict --task arithmetic --model llama-2-7b --shots 31 --nctx 4k --json",
        ]
        let r = try Shell.session(lines)

        // Every message belongs to a line, and no line has two.
        var messagesPerLine: [Int: Int] = [:]
        var unattributed: [Substring] = []
        for message in r.stderr.split(separator: "\n") {
            guard message.hasPrefix("line "), let colon = message.firstIndex(of: ":"),
                let number = Int(message[message.index(message.startIndex, offsetBy: 5)..<colon]),
                message[colon...].hasPrefix(": error: ")
            else {
                unattributed.append(message)
                continue
            }
            messagesPerLine[number, default: 0] += 1
        }

        // No trap: status 0 or 1, and no runtime error text. A trap names the lines it may be on:
        // after the last line with a message (lines that succeed print none).
        let trapped = !(r.status == 0 || r.status == 1) || r.stderr.contains("Fatal error")
        if trapped {
            let after = messagesPerLine.keys.max() ?? 0
            let fatal = unattributed.first { $0.contains("Fatal error") } ?? ""
            XCTFail(
                """
                status \(r.status): \(fatal)
                trapped on one of the lines after line \(after):
                \(lines[after..<min(after + 8, lines.count)].enumerated().map { "  \(after + $0 + 1): \($1)" }.joined(separator: "\n"))
                """)
            return
        }
        XCTAssertEqual(unattributed, [], "messages without their line")
        for (number, count) in messagesPerLine where count != 1 || number < 1 || number > lines.count {
            XCTFail(
                "line \(number) has \(count) messages: \(number >= 1 && number <= lines.count ? lines[number - 1] : "?")"
            )
        }
        XCTAssertEqual(r.status == 1, !messagesPerLine.isEmpty, "the status says whether any line failed")
        XCTAssertNil(messagesPerLine[lines.count], "the last line succeeds")

        // The run reached the last line: its answer is the last thing printed.
        let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let answer = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        XCTAssertEqual(
            answer?["shots"] as? Int, 31, "the session did not reach its last line; it printed last: \(last)")
        XCTAssertEqual(answer?["n_ctx"] as? Double, 4096)

        // No non-finite number in any answer.
        let nonFinite = try NSRegularExpression(
            pattern: #"(?<![A-Za-z])(nan|inf|infinity)(?![A-Za-z])"#, options: .caseInsensitive)
        for output in r.stdout.split(separator: "\n") {
            let text = String(output)
            XCTAssertNil(nonFinite.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), text)
        }
    }
}
