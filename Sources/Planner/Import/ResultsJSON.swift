/// A results file's top-level object as the importers read it: every member parsed but the
/// paper-eval `instances`, which are streamed, each instance kept as the three fields a record
/// needs and the rest of it passed over. A 100 MB file of instances is held as its records, not
/// its bytes; the text already read is handed back to the system as the reading goes.
struct ResultsJSON {
    var top: JSONFields
    /// The `instances` list, when the object has one.
    var instances: [PaperEvalFile.Instance]?

    /// Reads `path`; every failure is an `ImportError` naming the file (a syntax error with
    /// its line and column).
    static func read(path: String) throws -> ResultsJSON {
        let mapped: MappedFile
        do { mapped = try MappedFile(path: path) } catch { throw ImportError.unreadable(file: path) }
        do {
            return try read(mapped.bytes, file: path, mapped: mapped)
        } catch let e as JSONSyntaxError {
            throw ImportError.jsonSyntax(file: path, line: e.line, column: e.column, expected: e.expected)
        }
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, mapped: MappedFile?) throws -> ResultsJSON {
        var parser = JSONParser(bytes)
        guard parser.peek() == UInt8(ascii: "{") else {
            // Not an object: a syntax error if it is not JSON at all.
            _ = try JSONParser.parse(bytes)
            throw ImportError.notJSON(file: file)
        }
        var members: [(key: String, value: JSONValue)] = []
        var instances: [PaperEvalFile.Instance]?
        var released = 0
        try parser.members { parser, key in
            guard key == "instances", parser.peek() == UInt8(ascii: "["), instances == nil else {
                return members.append((key, try parser.value()))
            }
            var list: [PaperEvalFile.Instance] = []
            try parser.elements { parser, index in
                list.append(try PaperEvalFile.Instance(&parser, index: index, file: file))
                if parser.offset - released > 16 << 20 {
                    mapped?.release(released..<parser.offset)
                    released = parser.offset
                }
            }
            instances = list
        }
        try parser.end()
        return ResultsJSON(top: JSONFields(members: members, file: file), instances: instances)
    }
}
