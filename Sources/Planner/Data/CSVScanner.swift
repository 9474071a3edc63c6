/// Streams the records of CSV text in the syntax `CSVTable` describes, one at a time, without a
/// String per field: a record is the positions of its fields in the text's UTF-8 bytes, and a
/// field becomes a String only when asked. A million-row file is read in one pass over its bytes.
///
/// Every rejection is the one `CSVTable` gives, with the file and line.
struct CSVScanner {
    /// A field's place in the bytes, between its quotes when quoted and without surrounding
    /// spaces and tabs, and whether it holds an escaped quote or a stray carriage return, which
    /// its text leaves out.
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
        var special: Bool
    }

    /// One record, valid only while the closure it is passed to runs.
    struct Record {
        /// 1-based line number in the file where the record starts, for messages.
        let line: Int
        let bytes: UnsafeBufferPointer<UInt8>
        let fields: [Field]

        var count: Int { fields.count }
        /// Where the record's first field starts in the bytes.
        var start: Int { fields.first?.start ?? 0 }

        /// The field's bytes, when they are its text as they stand (no escaped quote, no
        /// carriage return inside); nil for a field past the end.
        func plainBytes(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
            guard index < fields.count, !fields[index].special else { return nil }
            return UnsafeBufferPointer(rebasing: bytes[fields[index].start..<fields[index].end])
        }

        /// Whether the field is missing or empty once trimmed.
        func isEmpty(_ index: Int) -> Bool {
            guard index < fields.count else { return true }
            if let plain = plainBytes(index) { return plain.isEmpty }
            return string(index).isEmpty
        }

        /// The field's text, trimmed of spaces and tabs; empty past the record's end.
        func string(_ index: Int) -> String {
            guard index < fields.count else { return "" }
            if let plain = plainBytes(index) { return String(decoding: plain, as: UTF8.self) }
            let field = fields[index]
            var text: [UInt8] = []
            var i = field.start
            while i < field.end {
                let c = bytes[i]
                if field.quoted && c == CSVScanner.quote {
                    i += 1  // the first of a doubled quote
                } else if !field.quoted && c == CSVScanner.carriageReturn {
                    i += 1
                    continue
                }
                text.append(bytes[i])
                i += 1
            }
            // A dropped carriage return may have stood outside a space.
            return String(decoding: text, as: UTF8.self).trimmingWhitespace
        }
    }

    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    static func isBlank(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") }

    /// Calls `header` with the first record's fields (trimmed, lower-cased), then `body` with each
    /// later one. A record with a value beyond the header's columns is rejected; extra empty
    /// fields (a trailing comma) are harmless.
    static func scan(
        text: String, file: String, header: ([String]) throws -> Void, body: (Record) throws -> Void
    ) throws {
        var text = text
        try text.withUTF8 { bytes in try scan(bytes: bytes, file: file, header: header, body: body) }
    }

    /// `scan` over bytes.
    static func scan(
        bytes: UnsafeBufferPointer<UInt8>, file: String, header: ([String]) throws -> Void,
        body: (Record) throws -> Void
    ) throws {
        var width: Int?
        try records(bytes, from: 0, to: bytes.count, line: 1, file: file) { record in
            guard let columns = width else {
                let names = (0..<record.count).map { record.string($0).lowercased() }
                width = names.count
                return try header(names)
            }
            try body(checked(record, columns: columns, file: file))
        }
        guard width != nil else { throw DataFileError(file: file, .empty) }
    }

    /// In text without quotes, the offset just past the header (the first line that is not
    /// blank) and the line after it; nil when no line break follows it.
    static func headerEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, line: Int)? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while let newline = bytes[start...].firstIndex(of: newline) {
            if !bytes[start..<newline].allSatisfy({ isBlank($0) || $0 == carriageReturn }) {
                return (newline + 1, line + 1)
            }
            start = newline + 1
            line += 1
        }
        return nil
    }

    /// The header's names (trimmed, lower-cased) of text whose header ends at `end`.
    static func header(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, file: String) throws -> [String] {
        var names: [String] = []
        try records(bytes, from: 0, to: end, line: 1, file: file) { record in
            if names.isEmpty { names = (0..<record.count).map { record.string($0).lowercased() } }
        }
        return names
    }

    /// The records of `bytes[start..<end]`, which begins a record at `line`, each checked
    /// against the header's `columns`: a part of a file the header has been read from.
    static func scanBody(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line: Int, columns: Int, file: String,
        body: (Record) throws -> Void
    ) throws {
        try records(bytes, from: start, to: end, line: line, file: file) { record in
            try body(checked(record, columns: columns, file: file))
        }
    }

    /// A record with a value beyond the header's columns is rejected.
    private static func checked(_ record: Record, columns: Int, file: String) throws -> Record {
        if record.count > columns, (columns..<record.count).contains(where: { !record.isEmpty($0) }) {
            throw DataFileError(file: file, line: record.line, .tooManyFields(count: record.count, columns: columns))
        }
        return record
    }

    /// Every record of `bytes[start..<end]` (after an optional byte-order mark at the start of
    /// the file), blank lines skipped, the first at `line`.
    private static func records(
        _ all: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line first: Int, file: String,
        _ body: (Record) throws -> Void
    ) throws {
        // The bytes up to `end`, so that the loop below sees the part's end as the text's.
        let bytes = UnsafeBufferPointer(rebasing: all[0..<end])
        var i = start == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : start
        var line = first
        var recordLine = first
        var fields: [Field] = []
        var field = Field(start: i, end: i, quoted: false, special: false)
        var inQuotes = false
        // Whether the current field was quoted and its closing quote seen: only a separator or a
        // line end may follow.
        var closedQuote = false
        func malformed(_ misuse: DataFileError.QuoteMisuse) -> DataFileError {
            DataFileError(file: file, line: line, .misplacedQuote(misuse))
        }
        func endField(at end: Int) {
            if !field.quoted { field.end = end }
            while field.start < field.end, isBlank(bytes[field.start]) { field.start += 1 }
            while field.end > field.start, isBlank(bytes[field.end - 1]) { field.end -= 1 }
            fields.append(field)
        }
        func endRecord() throws {
            // Records are temporaries, gone before `fields` is emptied for reuse (and so not copied).
            let blank = fields.count == 1 && Record(line: recordLine, bytes: bytes, fields: fields).isEmpty(0)
            if !blank { try body(Record(line: recordLine, bytes: bytes, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
            closedQuote = false
        }
        while i < bytes.count {
            let c = bytes[i]
            if inQuotes {
                if c == quote {
                    if i + 1 < bytes.count && bytes[i + 1] == quote {
                        field.special = true
                        i += 2
                        continue
                    }
                    inQuotes = false
                    closedQuote = true
                    field.end = i
                } else if c == newline {
                    line += 1
                }
                i += 1
                continue
            }
            switch c {
            case quote:
                if closedQuote { throw malformed(.afterClosingQuote) }
                let before = bytes[field.start..<i]
                guard before.allSatisfy({ isBlank($0) || $0 == carriageReturn }) else {
                    throw malformed(.insideUnquotedField)
                }
                field = Field(start: i + 1, end: i + 1, quoted: true, special: false)
                inQuotes = true
            case comma:
                endField(at: i)
                field = Field(start: i + 1, end: i + 1, quoted: false, special: false)
                closedQuote = false
            case carriageReturn:
                // Dropped outside quotes; one that ends a line is simply left out of the field.
                if !(i + 1 < bytes.count && bytes[i + 1] == newline) { field.special = true }
            case newline:
                let end = i > field.start && bytes[i - 1] == carriageReturn ? i - 1 : i
                endField(at: end)
                try endRecord()
                line += 1
                recordLine = line
                field = Field(start: i + 1, end: i + 1, quoted: false, special: false)
            default:
                if closedQuote && !isBlank(c) { throw malformed(.textAfterClosingQuote) }
            }
            i += 1
        }
        if inQuotes { throw DataFileError(file: file, line: recordLine, .quoteNeverClosed) }
        let pending = field.quoted || bytes[field.start..<bytes.count].contains { $0 != carriageReturn }
        if pending || !fields.isEmpty {
            endField(at: bytes.count)
            try endRecord()
        }
    }
}
