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
        var width: Int?
        try text.withUTF8 { bytes in
            try records(bytes, file: file) { record in
                guard let columns = width else {
                    let names = (0..<record.count).map { record.string($0).lowercased() }
                    width = names.count
                    return try header(names)
                }
                if record.count > columns, (columns..<record.count).contains(where: { !record.isEmpty($0) }) {
                    throw DataFileError(
                        file: file, line: record.line, .tooManyFields(count: record.count, columns: columns))
                }
                try body(record)
            }
        }
        guard width != nil else { throw DataFileError(file: file, .empty) }
    }

    /// Every record of `bytes` (after an optional byte-order mark), blank lines skipped.
    private static func records(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, _ body: (Record) throws -> Void
    ) throws {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var recordLine = 1
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
