import ContextScaling
import Planner

/// The REPL's `set` values: defaults for every later command's missing options. Each is
/// validated when set, as its option is; an option given on the command line wins.
///
/// Only the settings registry (`Setting`, in REPL/SettingKeys.swift) reads and writes these
/// fields: commands ask it for an option's value, set or default (`Session.value`).
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
}
