import Foundation

/// A JSON parser over a file's bytes, for the importers: values are read whole (`value`) or
/// streamed member by member and element by element (`members`, `elements`), so that a reader
/// keeps only what it needs of a 100 MB file; what it does not need is passed over (`skip`)
/// without being built. Rejections are `JSONSyntaxError`s with the line and column.
///
/// RFC 8259 JSON, and the three literals Python writes for non-finite floats (`NaN`,
/// `Infinity`, `-Infinity`), which harness files hold.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    private(set) var offset = 0
    private var depth = 0
    static let deepest = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is passed over, as JSONSerialization did.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    /// The whole text as one value, nothing but white space after it.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var parser = JSONParser(bytes)
        let value = try parser.value()
        try parser.end()
        return value
    }

    /// Only white space is left.
    mutating func end() throws {
        skipSpace()
        guard offset == bytes.count else { throw failure(.endOfText) }
    }

    /// The kind of the next value, without reading it: its first byte.
    mutating func peek() -> UInt8? {
        skipSpace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    /// An object's members one at a time: `member` is given each key and must read or skip its
    /// value. Throws unless the next value is an object.
    mutating func members(_ member: (inout JSONParser, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"), or: .value)
        try descend()
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return
        }
        while true {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw failure(.key) }
            let key = try string()
            try expect(UInt8(ascii: ":"), or: .colon)
            try member(&self, key)
            skipSpace()
            guard offset < bytes.count else { throw failure(.commaOrEnd) }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard bytes[offset] == UInt8(ascii: "}") else { throw failure(.commaOrEnd) }
            offset += 1
            depth -= 1
            return
        }
    }

    /// An array's elements one at a time: `element` is given each index and must read or skip
    /// the element. Throws unless the next value is an array.
    mutating func elements(_ element: (inout JSONParser, Int) throws -> Void) throws {
        try expect(UInt8(ascii: "["), or: .value)
        try descend()
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return
        }
        var index = 0
        while true {
            try element(&self, index)
            index += 1
            skipSpace()
            guard offset < bytes.count else { throw failure(.commaOrEnd) }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard bytes[offset] == UInt8(ascii: "]") else { throw failure(.commaOrEnd) }
            offset += 1
            depth -= 1
            return
        }
    }

    /// The next value, built.
    mutating func value() throws -> JSONValue {
        switch peek() {
        case UInt8(ascii: "{"):
            var members: [(key: String, value: JSONValue)] = []
            try self.members { parser, key in members.append((key, try parser.value())) }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            try self.elements { parser, _ in elements.append(try parser.value()) }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(try string())
        default:
            return try scalar()
        }
    }

    /// The next value if it is a finite number; nil, the value passed over, if it is anything
    /// else. For long arrays of numbers, read without a value built for each.
    mutating func finiteNumber() throws -> Double? {
        guard let c = peek(), c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) else {
            try skip()
            return nil
        }
        guard case .number(let x) = try scalar(), x.isFinite else { return nil }
        return x
    }

    /// Passes over the next value, checking its syntax, building nothing.
    mutating func skip() throws {
        switch peek() {
        case UInt8(ascii: "{"): try members { parser, _ in try parser.skip() }
        case UInt8(ascii: "["): try elements { parser, _ in try parser.skip() }
        case UInt8(ascii: "\""): try passString()
        default: _ = try scalar()
        }
    }

    /// Where `offset` is, as a line and column from 1: counted only when a rejection needs it.
    func position(of at: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(at, bytes.count) where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return (line, at - lineStart + 1)
    }

    private func failure(_ expected: ImportError.JSONExpectation, at: Int? = nil) -> JSONSyntaxError {
        let place = at ?? offset
        // Text that ends where more was expected is a truncated file, whatever was expected,
        // unless it held nothing but white space: then it is an empty one.
        var what = expected
        if place >= bytes.count && expected != .endOfText {
            let blank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            what = blank ? .nonEmptyText : .moreText
        }
        let (line, column) = position(of: place)
        return JSONSyntaxError(line: line, column: column, expected: what)
    }

    private mutating func descend() throws {
        depth += 1
        guard depth <= JSONParser.deepest else { throw failure(.shallowerNesting) }
    }

    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, or expected: ImportError.JSONExpectation) throws {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == byte else { throw failure(expected) }
        offset += 1
    }

    /// A string's end, checking it as `string` does, without building it.
    private mutating func passString() throws { _ = try stringBytes(build: false) }

    private mutating func string() throws -> String {
        let (plain, built) = try stringBytes(build: true)
        if let built { return built }
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[plain]), as: UTF8.self) else {
            throw failure(.utf8, at: plain.lowerBound)
        }
        return text
    }

    /// The string at `offset`: the range of its bytes when it holds no escape (the caller
    /// makes them a String), else the String its escapes spell (when `build`).
    private mutating func stringBytes(build: Bool) throws -> (Range<Int>, String?) {
        offset += 1  // the opening quote
        let start = offset
        // Eight bytes at a time past those that need no look (most of a prompt's text): none is
        // a quote, a backslash or a control character. A word that may hold one goes byte by
        // byte below.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            while offset + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                let quote = (word ^ (ones &* 0x22)) &- ones
                let backslash = (word ^ (ones &* 0x5C)) &- ones
                let control = word &- (ones &* 0x20)
                // Flags every byte that is one of them (and perhaps a few that are not).
                guard (quote | backslash | control) & ~word & high == 0 else { break }
                offset += 8
            }
        }
        while offset < bytes.count {
            let c = bytes[offset]
            if c == UInt8(ascii: "\"") {
                offset += 1
                return (start..<offset - 1, nil)
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw failure(.noControlCharacter) }
            offset += 1
        }
        guard offset < bytes.count else { throw failure(.closingQuote) }
        // Escapes: built byte by byte from here.
        var text = Array(bytes[start..<offset])
        while offset < bytes.count {
            let c = bytes[offset]
            if c == UInt8(ascii: "\"") {
                offset += 1
                guard build else { return (start..<start, "") }
                guard let built = String(validating: text, as: UTF8.self) else { throw failure(.utf8, at: start) }
                return (start..<start, built)
            }
            if c < 0x20 { throw failure(.noControlCharacter) }
            guard c == UInt8(ascii: "\\") else {
                text.append(c)
                offset += 1
                continue
            }
            let escapeAt = offset
            offset += 1
            guard offset < bytes.count else { throw failure(.closingQuote) }
            let e = bytes[offset]
            offset += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(e)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(escapeAt)
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by a low one: together one character.
                    guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                        bytes[offset + 1] == UInt8(ascii: "u")
                    else { throw failure(.escape, at: escapeAt) }
                    offset += 2
                    let low = try hex4(escapeAt)
                    guard (0xDC00..<0xE000).contains(low) else { throw failure(.escape, at: escapeAt) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let character = Unicode.Scalar(scalar) else { throw failure(.escape, at: escapeAt) }
                text.append(contentsOf: Array(String(Character(character)).utf8))
            default:
                throw failure(.escape, at: escapeAt)
            }
        }
        throw failure(.closingQuote)
    }

    private mutating func hex4(_ escapeAt: Int) throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure(.escape, at: escapeAt) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[offset]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw failure(.escape, at: escapeAt)
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    /// A number or a literal.
    private mutating func scalar() throws -> JSONValue {
        guard offset < bytes.count else { throw failure(.value) }
        // A digit starts a number and no literal: most scalars of a results or preset file are
        // numbers, read without trying the six literals first.
        if bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9") { return .number(try number()) }
        for (word, value) in JSONParser.literals where matches(word) {
            offset += word.count
            return value
        }
        // A literal cut off by the end of the text is a truncated file.
        let rest = bytes[offset...]
        if JSONParser.literals.contains(where: { $0.0.count > rest.count && $0.0.starts(with: rest) }) {
            throw failure(.moreText, at: bytes.count)
        }
        let c = bytes[offset]
        guard c == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else {
            throw failure(.value)
        }
        return .number(try number())
    }

    private static let literals: [([UInt8], JSONValue)] = [
        (Array("true".utf8), .bool(true)), (Array("false".utf8), .bool(false)), (Array("null".utf8), .null),
        (Array("NaN".utf8), .nonFinite("NaN")), (Array("Infinity".utf8), .nonFinite("Infinity")),
        (Array("-Infinity".utf8), .nonFinite("-Infinity")),
    ]

    private func matches(_ word: [UInt8]) -> Bool {
        guard offset + word.count <= bytes.count else { return false }
        for (i, b) in word.enumerated() where bytes[offset + i] != b { return false }
        return true
    }

    private static let exactPowers: [Double] = (0...22).map { pow(10, Double($0)) }

    /// A number by JSON's grammar. Up to 15 significant digits and a power of ten within 22
    /// (every number a results file writes, in practice) is a product or quotient of two exact
    /// doubles, and so correctly rounded (Clinger's fast path); others go to the library.
    private mutating func number() throws -> Double {
        let start = offset
        var negative = false
        if bytes[offset] == UInt8(ascii: "-") {
            negative = true
            offset += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        guard isDigit(offset) else { throw failure(.digit) }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            while isDigit(offset) {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(bytes[offset] - 0x30) } else { scale += 1 }
                digits += 1
                offset += 1
            }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard isDigit(offset) else { throw failure(.digit) }
            while isDigit(offset) {
                if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[offset] - 0x30)
                    scale -= 1
                }
                if mantissa > 0 || digits > 0 { digits += 1 }
                offset += 1
            }
        }
        var exponent = 0
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            var negativeExponent = false
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                negativeExponent = bytes[offset] == UInt8(ascii: "-")
                offset += 1
            }
            guard isDigit(offset) else { throw failure(.digit) }
            while isDigit(offset) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[offset] - 0x30) }
                offset += 1
            }
            if negativeExponent { exponent = -exponent }
        }
        let power = scale + exponent
        if digits <= 15, abs(power) <= 22 {
            let m = Double(mantissa)
            let value = power < 0 ? m / JSONParser.exactPowers[-power] : m * JSONParser.exactPowers[power]
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        // The grammar was checked above; a literal too large for a double reads as infinite.
        return Double(text) ?? .nan
    }
}
