import Foundation

/// Typed reads of a JSONSerialization object, each failure an `ImportError` naming the file and
/// the field's path.
struct JSONFields {
    var object: [String: Any]
    var file: String
    /// The path of this object in the file, for messages (`instances[3]`); empty at the top.
    var path: String = ""

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { object[key] != nil && !(object[key] is NSNull) }

    func number(_ key: String) throws -> Double {
        guard let value = object[key], !(value is NSNull) else {
            throw ImportError.missingField(file: file, field: name(key))
        }
        guard let n = value as? NSNumber, n.doubleValue.isFinite else {
            throw ImportError.badField(file: file, field: name(key), expected: .number)
        }
        return n.doubleValue
    }

    func whole(_ key: String) throws -> Int {
        let value = try number(key)
        guard value >= 0, value == value.rounded(), value < 1e9 else {
            throw ImportError.badField(file: file, field: name(key), expected: .wholeNumber)
        }
        return Int(value)
    }

    func text(_ key: String) throws -> String {
        guard let value = object[key], !(value is NSNull) else {
            throw ImportError.missingField(file: file, field: name(key))
        }
        guard let s = value as? String else {
            throw ImportError.badField(file: file, field: name(key), expected: .text)
        }
        return s
    }

    func child(_ key: String) throws -> JSONFields {
        guard let value = object[key], !(value is NSNull) else {
            throw ImportError.missingField(file: file, field: name(key))
        }
        guard let o = value as? [String: Any] else {
            throw ImportError.badField(file: file, field: name(key), expected: .object)
        }
        return JSONFields(object: o, file: file, path: name(key))
    }

    func list(_ key: String) throws -> [Any] {
        guard let value = object[key], !(value is NSNull) else {
            throw ImportError.missingField(file: file, field: name(key))
        }
        guard let a = value as? [Any] else { throw ImportError.badField(file: file, field: name(key), expected: .list) }
        return a
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
