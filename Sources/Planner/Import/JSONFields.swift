/// Typed reads of a parsed JSON object, each failure an `ImportError` naming the file and the
/// field's path.
struct JSONFields {
    var members: [(key: String, value: JSONValue)]
    var file: String
    /// The path of this object in the file, for messages (`instances[3]`); empty at the top.
    var path: String = ""

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The keys in the file's order.
    var keys: [String] { members.map(\.key) }

    /// The value of `key` (the first, if written twice).
    func value(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }

    func has(_ key: String) -> Bool {
        guard let value = value(key) else { return false }
        return value != .null
    }

    /// A finite number. A boolean, text, null or non-finite literal where a number goes is
    /// rejected naming the field: `true` is not a score of 1.
    func number(_ key: String) throws -> Double {
        guard let value = value(key) else { throw ImportError.missingField(file: file, field: name(key)) }
        return try JSONFields.number(value, file: file, field: name(key))
    }

    static func number(_ value: JSONValue, file: String, field: String) throws -> Double {
        guard case .number(let n) = value, n.isFinite else {
            throw ImportError.badField(file: file, field: field, expected: .number)
        }
        return n
    }

    func whole(_ key: String) throws -> Int {
        try JSONFields.whole(try number(key), file: file, field: name(key))
    }

    static func whole(_ value: Double, file: String, field: String) throws -> Int {
        guard value >= 0, value == value.rounded(), value < 1e9 else {
            throw ImportError.badField(file: file, field: field, expected: .wholeNumber)
        }
        return Int(value)
    }

    func text(_ key: String) throws -> String {
        guard let value = value(key), value != .null else { throw ImportError.missingField(file: file, field: name(key)) }
        guard case .string(let s) = value else { throw ImportError.badField(file: file, field: name(key), expected: .text) }
        return s
    }

    func child(_ key: String) throws -> JSONFields {
        guard let value = value(key), value != .null else { throw ImportError.missingField(file: file, field: name(key)) }
        guard case .object(let members) = value else {
            throw ImportError.badField(file: file, field: name(key), expected: .object)
        }
        return JSONFields(members: members, file: file, path: name(key))
    }

    func list(_ key: String) throws -> [JSONValue] {
        guard let value = value(key), value != .null else { throw ImportError.missingField(file: file, field: name(key)) }
        guard case .array(let elements) = value else {
            throw ImportError.badField(file: file, field: name(key), expected: .list)
        }
        return elements
    }

    /// A score in [0, 1]; a value up to 100 is a percentage, read as one when `percent` is set
    /// and otherwise rejected with that hint.
    func score(_ key: String, percent: Bool) throws -> Double {
        let value = try number(key)
        return try JSONFields.score(value, file: file, field: name(key), percent: percent)
    }

    static func score(_ value: Double, file: String, field: String, percent: Bool) throws -> Double {
        let scaled = percent ? value / 100 : value
        if scaled >= 0 && scaled <= 1 { return scaled }
        if !percent && value > 1 && value <= 100 {
            throw ImportError.percentScale(file: file, field: field, value: value)
        }
        throw ImportError.scoreOutOfRange(file: file, field: field, value: value)
    }
}
