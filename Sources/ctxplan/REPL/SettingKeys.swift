import ArgumentParser
import ContextScaling
import Planner

/// One key of `set`: its name, how a value is read, how it shows, and what Tab offers after it.
/// The registry below declares each key once; `set`, `unset`, the listing, the messages and the
/// completion all read it.
struct SettingKey: Sendable {
    let name: String
    /// Validates `value` as the option the key stands for would, and stores it.
    let read: @Sendable (inout Settings, String, PresetLibrary) throws -> Void
    let unset: @Sendable (inout Settings) -> Void
    /// The value as `set` lists it (nil when unset), and as JSON.
    let show: @Sendable (Settings) -> (text: String?, json: JSON)
    /// What Tab offers after `set KEY `.
    let values: @Sendable (PresetLibrary) -> [String]

    /// A key that holds a preset's name (or, for a task, its file's path).
    static func preset(
        _ name: String, _ path: WritableKeyPath<Settings, String?> & Sendable,
        read: @escaping @Sendable (String, PresetLibrary) throws -> String,
        values: @escaping @Sendable (PresetLibrary) -> [String]
    ) -> SettingKey {
        SettingKey(
            name: name, read: { settings, value, library in settings[keyPath: path] = try read(value, library) },
            unset: { $0[keyPath: path] = nil }, show: { ($0[keyPath: path], JSON.str($0[keyPath: path])) },
            values: values)
    }

    /// A key that holds a number, read as its option reads one.
    static func number<Value: Sendable>(
        _ name: String, _ path: WritableKeyPath<Settings, Value?> & Sendable,
        parse: @escaping @Sendable (String) throws -> Value, text: @escaping @Sendable (Value) -> String,
        number: @escaping @Sendable (Value) -> Double
    ) -> SettingKey {
        SettingKey(
            name: name, read: { settings, value, _ in settings[keyPath: path] = try parse(value) },
            unset: { $0[keyPath: path] = nil },
            show: { ($0[keyPath: path].map(text), JSON.num($0[keyPath: path].map(number))) }, values: { _ in [] })
    }

    /// A key that holds one of an enumeration's values.
    static func choice<Value: CaseIterable & RawRepresentable & Sendable>(
        _ name: String, _ path: WritableKeyPath<Settings, Value?> & Sendable
    ) -> SettingKey where Value.RawValue == String {
        SettingKey(
            name: name, read: { settings, value, _ in settings[keyPath: path] = try Settings.choice(value, Value.self) },
            unset: { $0[keyPath: path] = nil },
            show: { ($0[keyPath: path]?.rawValue, JSON.str($0[keyPath: path]?.rawValue)) },
            values: { _ in Value.allCases.map(\.rawValue) })
    }
}

extension Settings {
    /// Every key, in the order `set` lists them and messages name them.
    static let registry: [SettingKey] = [
        .preset(
            "task", \.task,
            read: { value, library in
                let task = try library.task(value)
                // A preset file is kept by its path, so later commands load the same file.
                return task.path == value ? value : task.name
            }, values: \.taskNames),
        .preset("model", \.model, read: { try $1.model($0).name }, values: \.modelNames),
        .number("nctx", \.nctx, parse: Parse.contextLimit, text: Fmt.limit, number: { $0 }),
        .preset("gpu", \.gpu, read: { try $1.gpu($0).name }, values: \.gpuNames),
        .number("gpus", \.gpus, parse: Parse.positiveWhole, text: { String($0) }, number: Double.init),
        .number("price", \.price, parse: Parse.price, text: { "$" + Quantities.formatExact($0) }, number: { $0 }),
        .number("mfu", \.mfu, parse: Parse.utilisation, text: Quantities.formatExact, number: { $0 }),
        // At most one of shots and prompt tokens: setting one forgets the other.
        SettingKey.number("shots", \.shots, parse: Parse.shots, text: { String($0) }, number: Double.init)
            .forgetting(\.promptTokens),
        SettingKey.number("prompt-tokens", \.promptTokens, parse: Parse.context, text: Fmt.tokens, number: { $0 })
            .forgetting(\.shots),
        .number("reserve", \.reserve, parse: Parse.context, text: Fmt.tokens, number: { $0 }),
        .choice("law", \.law),
        .number(
            "interval", \.interval, parse: Parse.intervalLevel, text: { Quantities.formatExact($0) + "%" },
            number: { $0 }),
        .choice("format", \.format),
    ]

    static let keys = registry.map(\.name)

    static func key(_ name: String, verb: String) throws -> SettingKey {
        guard let key = registry.first(where: { $0.name == name }) else { throw unknownKey(name, verb: verb) }
        return key
    }

    /// Sets `key` to `value`, validated as the option it stands for (`_` and arithmetic
    /// included, as on the command line).
    mutating func set(_ key: String, to value: String, library: PresetLibrary, last: Measured?) throws {
        let setting = try Self.key(key, verb: "set")
        do {
            try Parse.$lastAnswer.withValue(last) { try setting.read(&self, value, library) }
        } catch let error as InputError {
            throw error
        } catch {
            // Planner's and Quantities' errors, worded, with the key they were for.
            throw InputError("\(key): \(error)")
        }
    }

    /// Forgets `key`'s value.
    mutating func unset(_ key: String) throws { try Self.key(key, verb: "unset").unset(&self) }

    static func unknownKey(_ key: String, verb: String) -> InputError {
        InputError(
            "cannot \(verb) \(InputError.quote(key)); expected one of \(keys.joined(separator: ", "))"
                + Suggestions.hint(for: key, among: keys))
    }

    static func choice<Value: CaseIterable & RawRepresentable>(_ text: String, _: Value.Type) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError("\(InputError.quote(text)) is not one of \(names)")
        }
        return value
    }

    /// Each key with its value as text, nil when unset, and as JSON.
    var entries: [(key: String, text: String?, json: JSON)] {
        Self.registry.map { key in
            let shown = key.show(self)
            return (key: key.name, text: shown.text, json: shown.json)
        }
    }
}

extension SettingKey {
    /// The same key, also forgetting `other` when it is set.
    func forgetting<Other>(_ other: WritableKeyPath<Settings, Other?> & Sendable) -> SettingKey {
        let read = self.read
        return SettingKey(
            name: name,
            read: { settings, value, library in
                try read(&settings, value, library)
                settings[keyPath: other] = nil
            }, unset: unset, show: show, values: values)
    }
}

/// The settings as an answer: what `set` with no arguments and `show settings` print.
struct SettingsView: Rendering {
    var settings: Settings

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        for entry in settings.entries { block.field(entry.key, entry.text ?? style.dim("(unset)")) }
        return block.text
    }

    /// Keys as `set` takes them, with `_` for `-` (`prompt_tokens`); unset ones null.
    var json: JSON {
        .object(settings.entries.map { ($0.key.replacingOccurrences(of: "-", with: "_"), $0.json) })
    }
}
