/// A JSON value as the importers read it: objects keep their keys in the file's order (the
/// harness's first metric is the first it wrote), and a number literal Python's `json.dump`
/// writes for a non-finite float (`NaN`, `Infinity`, `-Infinity`) is kept as what it is, so that
/// a reader can take it as "no value" where that is right (a standard error) and reject it
/// where it is not (a score).
enum JSONValue: Sendable, Equatable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    /// `NaN`, `Infinity` or `-Infinity`, as written.
    case nonFinite(String)
    case bool(Bool)
    case null

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let x), .array(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.nonFinite(let x), .nonFinite(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// The value of `key` in an object (its first, if written twice); nil for other values.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var members: [(key: String, value: JSONValue)]? {
        if case .object(let m) = self { return m }
        return nil
    }
}

/// Where a JSON text stops being JSON, and what was expected there. Lines and columns count
/// from 1; a column counts bytes.
struct JSONSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var expected: ImportError.JSONExpectation
}
