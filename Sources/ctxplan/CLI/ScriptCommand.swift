import Foundation
import Planner

/// `ctxplan FILE [--presets DIR]`: a script, run as the pipe mode runs its lines, with errors
/// as `FILE:N: error: ...`. The rc file is not run: a script says what it needs.
enum ScriptCommand {
    /// Whether `word`, first on the command line, names a script: no command's name or an
    /// option, and a file that exists or a word that looks like a path to one.
    static func names(_ word: String, commands: [String]) -> Bool {
        guard !word.hasPrefix("-"), word != "help", !commands.contains(word) else { return false }
        // A word that names something on disk, or looks like a path, is taken for a script, so a
        // missing file or a folder is reported as such rather than as an unknown command.
        var isFolder: ObjCBool = false
        let isFile = FileManager.default.fileExists(atPath: word, isDirectory: &isFolder) && !isFolder.boolValue
        return isFile || word.contains("/") || word.hasSuffix(".ctx")
    }

    /// Runs the script `arguments[0]`, with the `--presets` folders that follow it.
    static func run(_ arguments: [String], style: Style) -> Int32 {
        var folders: [String] = []
        var index = 1
        while index < arguments.count {
            guard let given = PresetsOption.folder(in: arguments, at: index) else {
                Ctxplan.report(
                    "error: \(InputError.quote(arguments[index])) after the script \(InputError.quote(arguments[0])); "
                        + "expected only --presets DIR")
                return 2
            }
            folders.append(given.folder)
            index += given.words
        }
        return REPL(session: Session(presetFolders: folders, style: style), runsRC: false).runScript(arguments[0])
    }
}
