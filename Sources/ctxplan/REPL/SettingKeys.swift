import ArgumentParser
import ContextScaling
import Planner

/// `set KEY VALUE`, `unset KEY` and the settings as `set` and `show settings` print them.
extension Settings {
    /// Sets `key` to `value`, validated as the option it stands for (`_` and arithmetic
    /// included, as on the command line).
    mutating func set(_ key: String, to value: String, library: PresetLibrary, last: Measured?) throws {
        do {
            try Parse.$lastAnswer.withValue(last) {
                switch key {
                case "task":
                    let task = try library.task(value)
                    // A preset file is kept by its path, so later commands load the same file.
                    self.task = task.path == value ? value : task.name
                case "model": model = try library.model(value).name
                case "nctx": nctx = try Parse.contextLimit(value)
                case "gpu": gpu = try library.gpu(value).name
                case "gpus": gpus = try Parse.positiveWhole(value)
                case "price": price = try Parse.price(value)
                case "mfu": mfu = try Parse.utilisation(value)
                case "shots":
                    shots = try Parse.shots(value)
                    promptTokens = nil
                case "prompt-tokens":
                    promptTokens = try Parse.context(value)
                    shots = nil
                case "reserve": reserve = try Parse.context(value)
                case "law": law = try Self.choice(value, LawForm.self)
                case "interval": interval = try Parse.intervalLevel(value)
                case "format": format = try Self.choice(value, OutputFormat.self)
                default: throw Self.unknownKey(key, verb: "set")
                }
            }
        } catch let error as InputError {
            throw error
        } catch {
            // Planner's and Quantities' errors, worded, with the key they were for.
            throw InputError("\(key): \(error)")
        }
    }

    /// Forgets `key`'s value.
    mutating func unset(_ key: String) throws {
        switch key {
        case "task": task = nil
        case "model": model = nil
        case "nctx": nctx = nil
        case "gpu": gpu = nil
        case "gpus": gpus = nil
        case "price": price = nil
        case "mfu": mfu = nil
        case "shots": shots = nil
        case "prompt-tokens": promptTokens = nil
        case "reserve": reserve = nil
        case "law": law = nil
        case "interval": interval = nil
        case "format": format = nil
        default: throw Self.unknownKey(key, verb: "unset")
        }
    }

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
        let names: [(String, String?)] = [("task", task), ("model", model), ("gpu", gpu)]
        var all: [(key: String, text: String?, json: JSON)] = names.map { ($0.0, $0.1, JSON.str($0.1)) }
        all.insert((key: "nctx", text: nctx.map(Fmt.limit), json: .num(nctx)), at: 2)
        let numbers: [(String, Double?, (Double) -> String)] = [
            ("gpus", gpus.map(Double.init), { String(Int($0)) }),
            ("price", price, { "$" + Quantities.formatExact($0) }),
            ("mfu", mfu, Quantities.formatExact),
            ("shots", shots.map(Double.init), { String(Int($0)) }),
            ("prompt-tokens", promptTokens, Fmt.tokens),
            ("reserve", reserve, Fmt.tokens),
            ("interval", interval, { Quantities.formatExact($0) + "%" }),
        ]
        for (key, value, text) in numbers {
            all.append((key: key, text: value.map(text), json: .num(value)))
        }
        all.append((key: "law", text: law?.rawValue, json: JSON.str(law?.rawValue)))
        all.append((key: "format", text: format?.rawValue, json: JSON.str(format?.rawValue)))
        return all
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
