import CEditLineShim
import ContextScaling
import Planner

/// What one run of the program carries from command to command: the REPL's settings, the preset
/// folders it started with and the presets loaded from them, the last planning answer (which
/// `plot` marks), how text is styled, and whether Ctrl-C asked the running command to stop.
///
/// The REPL owns one for its whole life and hands it to every command; a one-shot command gets a
/// fresh one. Nothing of it is global. Later settings (the last answer as `_`, GPUs, price) belong
/// here too.
final class Session {
    /// The `set` values: defaults for later commands' missing options.
    var settings = Settings()
    /// `--presets` folders given when the REPL started, added to every command it runs.
    let presetFolders: [String]
    /// The last planning answer, which a following `plot` marks on its curve.
    var lastAnswer: PlotMark?
    let style: Style
    /// Asked by long computations: by default, whether Ctrl-C was pressed (the shim's flag).
    let cancellation: Cancellation
    /// Set while the REPL runs, so `repl` typed at the prompt is refused rather than nested.
    var insideREPL = false
    private var libraries: [[String]: PresetLibrary] = [:]

    init(presetFolders: [String] = [], style: Style = .forStandardOutput(), cancellation: Cancellation = .interrupt) {
        self.presetFolders = presetFolders
        self.style = style
        self.cancellation = cancellation
    }

    /// The presets: bundled, the user's, the session's folders and `extra`, loaded once each.
    /// Presets are read as commands need them; each problem is warned about once, when found.
    func library(adding extra: [String] = []) -> PresetLibrary {
        let folders = [Environment.userPresets] + presetFolders + extra
        if let cached = libraries[folders] { return cached }
        let library = PresetLibrary(directories: folders, bundled: Environment.bundledPresets()) {
            Environment.warn($0.description)
        }
        libraries[folders] = library
        return library
    }

    /// A planner over the session's presets and the command's `--presets`, stopped by Ctrl-C.
    func planner(_ global: GlobalOptions) -> Planner {
        Planner(library: library(adding: global.presetDirectories), cancellation: cancellation)
    }

    /// Throws `CancelledByUser` once Ctrl-C has asked the running command to stop; long loops of
    /// the program call it between steps.
    func checkCancelled() throws {
        if cancellation.isRequested { throw CancelledByUser() }
    }
}

extension Cancellation {
    /// Requested when Ctrl-C was pressed since the REPL last cleared the flag.
    static let interrupt = Cancellation { shim_interrupted() != 0 }
}

/// The REPL's `set` values: defaults for every later command's missing options.
struct Settings {
    var task: String?
    var model: String?
    var nctx: String?
    var gpu: String?

    static let keys = ["task", "model", "nctx", "gpu"]

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
    func nctx(_ option: Double?) throws -> Double? {
        try option ?? nctx.map(Parse.context)
    }

    /// The context limit from the option or the settings, for commands that cannot go without.
    func requiredNctx(_ option: Double?) throws -> Double {
        guard let limit = try nctx(option) else {
            throw InputError("no context limit: pass --nctx (e.g. 8k) or 'set nctx 8k'")
        }
        return limit
    }
}
