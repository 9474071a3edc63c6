import ContextScaling
import Foundation
import XCTest

@testable import ctxplan

final class JSONTests: XCTestCase {
    /// Reads `text` back with Foundation's parser, an independent reader.
    func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    func testStringEscapes() throws {
        XCTAssertEqual(JSON.string("a\"b").text, #""a\"b""#)
        XCTAssertEqual(JSON.string(#"a\b"#).text, #""a\\b""#)
        XCTAssertEqual(JSON.string("a\nb\r\tc").text, #""a\nb\r\tc""#)
        XCTAssertEqual(JSON.string("\u{0}\u{1}\u{1f}").text, #""\u0000\u0001\u001f""#)
        XCTAssertEqual(JSON.string("\u{7f}é✓🙂").text, "\"\u{7f}é✓🙂\"", "non-ASCII is written as UTF-8, not escaped")
    }

    /// Every string of generated characters, control characters and surrogate-pair emoji
    /// included, reads back as itself.
    func testGeneratedStringsRoundTrip() throws {
        var rng = SeededGenerator(seed: 11)
        let pool: [Unicode.Scalar] =
            (0..<0x20).compactMap(Unicode.Scalar.init) + ["\"", "\\", "/", "a", "é", "✓", "🙂", "\u{2028}"]
        for _ in 0..<300 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 12) { s.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            let text = String(s)
            let key = JSON.object([(text, .string(text))]).text
            let back = try parse(key) as! [String: String]
            XCTAssertEqual(back, [text: text], key)
        }
    }

    func testNonFiniteNumbersNeverAppear() throws {
        for value in [Double.nan, .infinity, -.infinity, -Double.nan, .signalingNaN] {
            XCTAssertEqual(JSON.num(value).text, "null")
            XCTAssertEqual(JSON.number(value).text, "null", "a .number built directly follows the same rule")
            XCTAssertEqual(JSON.array([.number(value), .num(value)]).text, "[null, null]")
        }
        XCTAssertEqual(JSON.num(nil).text, "null")
    }

    /// Finite numbers, from subnormal to the largest, are JSON numbers that read back to the same double.
    func testFiniteNumbersRoundTrip() throws {
        var rng = SeededGenerator(seed: 12)
        var values: [Double] = [
            0, -0.0, 1, -1, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
            1e15, 1e15 - 1, -1e15 + 1, 0.1, 7.7715259392e22, 2426.11, 1e300,
        ]
        for _ in 0..<500 { values.append(Double(bitPattern: rng.next())) }
        for value in values where value.isFinite {
            let text = JSON.number(value).text
            XCTAssertFalse(text.lowercased().contains("nan") || text.lowercased().contains("inf"), text)
            // Foundation's JSON reader on Linux rounds some doubles; the standard library's
            // strtod-exact reader is the independent check of the digits.
            XCTAssertNotNil(try parse(text) as? NSNumber, text)
            XCTAssertEqual(Double(text), value, text)
        }
    }

    func testObjectsKeepTheirKeyOrder() {
        let j = JSON.object([("z", .integer(1)), ("a", .bool(true)), ("m", .null), ("b", .array([]))])
        XCTAssertEqual(j.text, #"{"z": 1, "a": true, "m": null, "b": []}"#)
    }
}
