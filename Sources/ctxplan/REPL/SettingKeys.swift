import ArgumentParser
import ContextScaling
import Planner

/// One key of `set`, declared once: its name, the options it stands in for, where its value is
/// kept, how a value is read (as the option reads one) and shown, and what Tab offers after it.
/// `set`, `unset`, the listing, the messages, the completion and the commands' defaults all read
/// this declaration.
struct SettingKey<Value: Sendable>: Sendable {
    let name: String
    /// The options the setting stands in for; the first is the one messages name.
    let options: [String]
    /// What a missing value is called in messages ("context limit"), and a value to show in them.
    let noun: String
    let example: String
    let path: WritableKeyPath<Settings, Value?> & Sendable
    let parse: @Sendable (String, PresetLibrary) throws -> Value
    let text: @Sendable (Value) -> String
    let json: @Sendable (Value) -> JSON
    let completion: ValueCompletion
    /// What setting this key also does to the others: shots and prompt tokens forget each other.
    var alsoForgets: @Sendable (inout Settings) -> Void = { _ in }

    /// "no task: pass --task NAME (arithmetic, commonsense, translation) or 'set task NAME'":
    /// the choices are listed when they are few enough to read in one line.
    func missing(_ library: PresetLibrary) -> InputError {
        let choices = completion.candidates(typed: "", library: library, files: false)
        let listed = choices.isEmpty || choices.count > 8 ? "" : " (" + choices.joined(separator: ", ") + ")"
        return InputError(
            "no \(noun): pass \(options.first ?? "--" + name) \(example)\(listed) or 'set \(name) \(example)'")
    }
}

/// A key whose setting has a default: what a command uses when neither the option nor `set` gives
/// a value. The default is declared here and nowhere else.
struct DefaultedSettingKey<Value: Sendable>: Sendable {
    let key: SettingKey<Value>
    let fallback: Value

    /// The default as help and `set` show it: "80%", "paper".
    var fallbackText: String { key.text(fallback) }
}

/// Every key, declared once each.
enum Setting {
    static let task = SettingKey<String>(
        name: "task", options: ["--task"], noun: "task", example: "NAME", path: \.task,
        parse: { value, library in
            let task = try library.task(value)
            // A preset file is kept by its path, so later commands load the same file.
            return task.path == value ? value : task.name
        }, text: { $0 }, json: JSON.string, completion: .tasks)
    static let model = preset("model", \.model, completion: .models) { try $1.model($0).name }
    static let nctx = SettingKey<Double>(
        name: "nctx", options: ["--nctx"], noun: "context limit", example: "8k", path: \.nctx,
        parse: { v, _ in try Parse.contextLimit(v) }, text: Fmt.limit, json: JSON.num, completion: .none)
    static let gpu = SettingKey<String>(
        name: "gpu", options: ["--gpu"], noun: "GPU", example: "NAME", path: \.gpu,
        parse: { try $1.gpu($0).name }, text: { $0 }, json: JSON.string, completion: .gpus)
    static let gpus = DefaultedSettingKey(
        key: number("gpus", \.gpus, parse: Parse.positiveWhole, text: { String($0) }, json: { .num(Double($0)) }),
        fallback: 1)
    static let price = number(
        "price", \.price, parse: Parse.price, text: { "$" + Quantities.formatExact($0) }, json: JSON.num)
    static let mfu = DefaultedSettingKey(
        key: number("mfu", \.mfu, parse: Parse.utilisation, text: Quantities.formatExact, json: JSON.num),
        fallback: HardwarePlan.defaultMFU)
    // At most one of shots and prompt tokens: setting one forgets the other.
    static let shots = number(
        "shots", \.shots, parse: Parse.shots, text: { String($0) }, json: { .num(Double($0)) },
        alsoForgets: { $0.promptTokens = nil })
    static let promptTokens = number(
        "prompt-tokens", \.promptTokens, parse: Parse.context, text: Fmt.tokens, json: JSON.num,
        alsoForgets: { $0.shots = nil })
    static let reserve = number("reserve", \.reserve, parse: Parse.context, text: Fmt.tokens, json: JSON.num)
    /// `fit` and `validate` fit the paper's law unless told otherwise.
    static let law = DefaultedSettingKey(
        key: choice(
            "law", \.law,
            hint: { $0 == "auto" ? "; auto compares the forms on records, so only 'fit --law auto' takes it" : "" }),
        fallback: AnyLawForm.paper)
    /// Every planning answer carries an 80% interval unless told otherwise (0 for none).
    static let interval = DefaultedSettingKey(
        key: number(
            "interval", \.interval, parse: Parse.intervalLevel, text: { Quantities.formatExact($0) + "%" },
            json: JSON.num),
        fallback: 80)
    /// The set level where it is above 0, else the default: for `fit`, whose bootstrap always
    /// draws an interval.
    static func positiveLevel(_ level: Double) -> Double { level > 0 ? level : interval.fallback }
    static let format = DefaultedSettingKey(key: choice("format", \.format), fallback: OutputFormat.text)

    /// Every key, in the order `set` lists them and messages name them.
    static let registry: [AnySettingKey] = [
        AnySettingKey(task), AnySettingKey(model), AnySettingKey(nctx), AnySettingKey(gpu), AnySettingKey(gpus),
        AnySettingKey(price), AnySettingKey(mfu), AnySettingKey(shots), AnySettingKey(promptTokens),
        AnySettingKey(reserve), AnySettingKey(law), AnySettingKey(interval), AnySettingKey(format),
    ]

    static let names = registry.map(\.name)

    static func named(_ name: String, verb: String) throws -> AnySettingKey {
        guard let key = registry.first(where: { $0.name == name }) else {
            throw InputError(
                "cannot \(verb) \(InputError.quote(name)); expected one of \(names.joined(separator: ", "))"
                    + Suggestions.hint(for: name, among: names))
        }
        return key
    }

    // MARK: - Kinds of key

    /// A key that holds a preset's name, as the library spells it.
    private static func preset(
        _ name: String, _ path: WritableKeyPath<Settings, String?> & Sendable, completion: ValueCompletion,
        parse: @escaping @Sendable (String, PresetLibrary) throws -> String
    ) -> SettingKey<String> {
        SettingKey(
            name: name, options: ["--" + name], noun: name, example: "NAME", path: path, parse: parse, text: { $0 },
            json: JSON.string, completion: completion)
    }

    /// A key that holds a number, read as its option reads one.
    private static func number<Value: Sendable>(
        _ name: String, _ path: WritableKeyPath<Settings, Value?> & Sendable,
        parse: @escaping @Sendable (String) throws -> Value, text: @escaping @Sendable (Value) -> String,
        json: @escaping @Sendable (Value) -> JSON, alsoForgets: @escaping @Sendable (inout Settings) -> Void = { _ in }
    ) -> SettingKey<Value> {
        SettingKey(
            name: name, options: ["--" + name], noun: name, example: "N", path: path, parse: { v, _ in try parse(v) },
            text: text, json: json, completion: .none, alsoForgets: alsoForgets)
    }

    /// A key that holds one of an enumeration's values.
    /// `hint` adds to the rejection of a word that is no choice (what it is, where it belongs).
    private static func choice<Value: CaseIterable & RawRepresentable & Sendable>(
        _ name: String, _ path: WritableKeyPath<Settings, Value?> & Sendable,
        hint: @escaping @Sendable (String) -> String = { _ in "" }
    ) -> SettingKey<Value> where Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue)
        return SettingKey(
            name: name, options: ["--" + name], noun: name, example: names.first ?? "VALUE", path: path,
            parse: { text, _ in
                guard let value = Value(rawValue: text) else {
                    throw InputError(
                        "\(InputError.quote(text)) is not one of \(names.joined(separator: ", "))" + hint(text))
                }
                return value
            }, text: \.rawValue, json: { .string($0.rawValue) }, completion: .choices(names))
    }
}

/// A key with its value's type forgotten, for what treats every key alike: `set`, `unset`, the
/// listing and the completion.
struct AnySettingKey: Sendable {
    let name: String
    let options: [String]
    let completion: ValueCompletion
    /// Validates `value` as the option the key stands for would, and stores it.
    let read: @Sendable (inout Settings, String, PresetLibrary) throws -> Void
    let unset: @Sendable (inout Settings) -> Void
    /// The value as `set` lists it (nil when unset), and as JSON.
    let show: @Sendable (Settings) -> (text: String?, json: JSON)
    /// The default as `set` lists it, for a key that has one.
    var fallback: String?

    init<Value>(_ key: DefaultedSettingKey<Value>) {
        self.init(key.key)
        fallback = key.fallbackText
    }

    init<Value>(_ key: SettingKey<Value>) {
        name = key.name
        options = key.options
        completion = key.completion
        read = { settings, value, library in
            settings[keyPath: key.path] = try key.parse(value, library)
            key.alsoForgets(&settings)
        }
        unset = { $0[keyPath: key.path] = nil }
        show = { settings in
            guard let value = settings[keyPath: key.path] else { return (nil, .null) }
            return (key.text(value), key.json(value))
        }
    }
}

extension Settings {
    static var keys: [String] { Setting.names }

    /// Each key with its value as text, nil when unset, and as JSON; its default as text.
    var entries: [(key: String, text: String?, json: JSON, fallback: String?)] {
        Setting.registry.map { key in
            let shown = key.show(self)
            return (key: key.name, text: shown.text, json: shown.json, fallback: key.fallback)
        }
    }
}

/// The one way commands read the settings: an option's value, else the `set` value, else the
/// key's default.
extension Session {
    func value<Value>(_ key: SettingKey<Value>, given: Value?) -> Value? {
        given ?? settings[keyPath: key.path]
    }

    func value<Value>(_ key: DefaultedSettingKey<Value>, given: Value?) -> Value {
        given ?? settings[keyPath: key.key.path] ?? key.fallback
    }

    /// The option's value or the `set` one; with neither, a message naming both (and the
    /// choices in `library`, the presets the command loaded).
    func required<Value>(_ key: SettingKey<Value>, given: Value?, library: PresetLibrary? = nil) throws -> Value {
        guard let value = value(key, given: given) else { throw key.missing(library ?? self.library()) }
        return value
    }

    /// The settings as `set` alone and `show settings` print them.
    var settingsView: SettingsView { SettingsView(settings: settings) }

    /// `set KEY VALUE`: `value` validated as the option the key stands for (`_` and arithmetic
    /// included, as on the command line).
    func set(_ name: String, to value: String) throws {
        let key = try Setting.named(name, verb: "set")
        do {
            try Parse.$underscore.withValue(underscore) {
                try key.read(&settings, value, library())
            }
        } catch {
            // Every error, ours and the Planner's, worded with the key it was for.
            throw InputError("\(name): \(error)")
        }
    }

    /// `unset KEY...`, or every key with none named. Every key is checked before any is
    /// forgotten: a line that fails changes nothing.
    func unset(_ names: [String]) throws {
        var changed = names.isEmpty ? Settings() : settings
        for name in names { try Setting.named(name, verb: "unset").unset(&changed) }
        settings = changed
    }
}

/// The settings as an answer: what `set` with no arguments and `show settings` print, with the
/// default of each unset key that has one.
struct SettingsView: Reporting {
    var settings: Settings

    /// Keys in JSON as `set` takes them, with `_` for `-` (`prompt_tokens`), unset ones null;
    /// in text the key as typed, an unset one dimmed with its default.
    var report: Report {
        Report(
            settings.entries.map { entry in
                Field(
                    entry.key.replacingOccurrences(of: "-", with: "_"), .json(entry.json),
                    text: .field(
                        entry.key,
                        entry.text.map { StyledText($0) }
                            ?? .dim(entry.fallback.map { "(unset; default \($0))" } ?? "(unset)")))
            })
    }
}
