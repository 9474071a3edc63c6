import CEditLineShim
import ContextScaling
import Planner

/// What one run of the program carries from command to command: the REPL's settings, the preset
/// folders it started with and the presets loaded from them, the last answer printed (which
/// `show last` prints, `_` stands for and `plot` marks), how text is styled, and whether Ctrl-C asked the running command to stop.
///
/// The REPL owns one for its whole life and hands it to every command; a one-shot command gets a
/// fresh one. Nothing of it is global.
final class Session {
    /// The `set` values: defaults for later commands' missing options.
    var settings = Settings()
    /// `--presets` folders given when the REPL started, added to every command it runs.
    let presetFolders: [String]
    /// The last answer printed, recorded by the command that printed it (`present`):
    /// `show last` prints it again, `_` stands for its main quantity, `plot` marks its point.
    var answer: (any RememberedAnswer)?
    /// The script and `source` files being read, one inside another, innermost last: a relative
    /// `source` is found beside the last, and deeper than a limit is refused, against loops.
    var sourcingFiles: [String] = []
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
        let text = (try? global.outputFormat(in: self)) == .text
        return Planner(
            library: library(adding: global.presetDirectories), cancellation: cancellation,
            progress: ProgressLine.shared.progress(forText: text, inScript: !sourcingFiles.isEmpty))
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
