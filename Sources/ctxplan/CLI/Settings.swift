import ContextScaling
import Planner

/// The REPL's `set` values: defaults for every later command's missing options. Each is
/// validated when set, as its option is; an option given on the command line wins.
struct Settings {
    var task: String?
    var model: String?
    var nctx: Double?
    var gpu: String?
    var gpus: Int?
    var price: Double?
    var mfu: Double?
    /// At most one of `shots` and `promptTokens`: setting one forgets the other.
    var shots: Int?
    var promptTokens: Double?
    var reserve: Double?
    var law: AnyLawForm?
    var interval: Double?
    var format: OutputFormat?

    /// The option's value, else the `set` value, else a message naming both.
    func task(_ option: String?) throws -> String {
        guard let name = option ?? task else {
            throw InputError("no task: pass --task (arithmetic, commonsense, translation) or 'set task NAME'")
        }
        return name
    }

    func model(_ option: String?) throws -> String {
        guard let name = option ?? model else {
            throw InputError("no model: pass --model NAME (or 'set model NAME')")
        }
        return name
    }

    /// The context limit from the option or the settings, nil when neither gives one.
    func nctx(_ option: Double?) -> Double? {
        option ?? nctx
    }

    /// The context limit from the option or the settings, for commands that cannot go without.
    func requiredNctx(_ option: Double?) throws -> Double {
        guard let limit = nctx(option) else {
            throw InputError("no context limit: pass --nctx (e.g. 8k) or 'set nctx 8k'")
        }
        return limit
    }
}
