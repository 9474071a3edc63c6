import ContextScaling
import XCTest

@testable import ctxplan

final class LineSplitterTests: XCTestCase {
    func split(_ line: String) throws -> [String] { try LineSplitter.split(line) }

    func failure(_ line: String) -> LineSplitter.Problem? {
        do {
            _ = try LineSplitter.split(line)
            return nil
        } catch { return error }
    }

    func testSpacesAndTabsSeparateWords() throws {
        XCTAssertEqual(try split("predict  --task\tarithmetic "), ["predict", "--task", "arithmetic"])
    }

    func testEmptyAndBlankLinesHaveNoWords() throws {
        XCTAssertEqual(try split(""), [])
        XCTAssertEqual(try split("   \t "), [])
    }

    func testQuotesGroupAndAnEmptyQuoteIsAnEmptyWord() throws {
        XCTAssertEqual(try split("show 'my task' \"a b\""), ["show", "my task", "a b"])
        XCTAssertEqual(try split("set task ''"), ["set", "task", ""])
        XCTAssertEqual(try split("a'b c'd"), ["ab cd"], "quotes inside a word join with it, as in a shell")
        XCTAssertEqual(try split("'it''s'"), ["its"])
    }

    func testBackslashEscapesOutsideAndInsideDoubleQuotesButNotSingle() throws {
        XCTAssertEqual(try split(#"a\ b c"#), ["a b", "c"])
        XCTAssertEqual(try split(#""say \"hi\"""#), [#"say "hi""#])
        XCTAssertEqual(try split(#"'a\b'"#), [#"a\b"#], "single quotes keep a backslash")
        XCTAssertEqual(try split(##"\#"##), ["#"])
        XCTAssertEqual(try split(#"\\"#), [#"\"#])
    }

    func testHashStartsACommentOnlyAtTheStartOfAWord() throws {
        XCTAssertEqual(try split("# a comment"), [])
        XCTAssertEqual(try split("predict --shots 3 # why"), ["predict", "--shots", "3"])
        XCTAssertEqual(try split("a#b '#c'"), ["a#b", "#c"])
    }

    func testNonASCIIIsKept() throws {
        XCTAssertEqual(try split("show café 'naïve ✓'"), ["show", "café", "naïve ✓"])
    }

    func testUnclosedQuoteIsAnErrorNamingTheQuote() {
        XCTAssertEqual(failure("show 'my task"), .unclosedQuote("'"))
        XCTAssertEqual(failure("show \"my task"), .unclosedQuote("\""))
        XCTAssertEqual(failure(#"show "ends in \""#), .unclosedQuote("\""), "the backslash escapes the closing quote")
        XCTAssertTrue("\(LineSplitter.Problem.unclosedQuote("'"))".contains("'"))
    }

    func testTrailingBackslashIsAnError() {
        XCTAssertEqual(failure(#"predict --task arithmetic \"#), .trailingBackslash)
        XCTAssertEqual(failure(#"\"#), .trailingBackslash)
        XCTAssertNil(failure(#"a \\"#), "an escaped backslash is a backslash")
        XCTAssertTrue("\(LineSplitter.Problem.trailingBackslash)".contains("backslash"))
    }

    func testOverlongLineIsRejectedWithItsLength() {
        let line = String(repeating: "x", count: LineSplitter.maximumBytes + 1)
        XCTAssertEqual(failure(line), .tooLong(bytes: LineSplitter.maximumBytes + 1))
        XCTAssertNil(failure(String(repeating: "x", count: LineSplitter.maximumBytes)))
    }

    /// Words joined with quoting split back to the same words: an independent round trip over
    /// generated words with spaces, quotes, backslashes and hashes.
    func testQuotedWordsRoundTrip() throws {
        var generator = SeededGenerator(seed: 8)
        let alphabet = Array("ab #'\"\\é\t")
        for _ in 0..<500 {
            let words = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                String(
                    (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)!
                    })
            }
            // Single-quote each word; a single quote inside becomes '\'' as in a shell.
            let line = words.map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }.joined(separator: " ")
            XCTAssertEqual(try split(line), words, line)
        }
    }
}
