import Foundation
import Planner

/// Where presets, history and user files live, and the state one process shares between the
/// commands it runs: the loaded presets and the REPL's settings.
enum Environment {
    /// The bundled presets: installed beside the binary (PREFIX/share/ctxplan/Presets), or, for
    /// a binary built in a clone, the clone's own `Presets/`. `CTXPLAN_PRESETS` overrides both.
    static func bundledPresets() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["CTXPLAN_PRESETS"], !dir.isEmpty { return dir }
        // /proc/self/exe names the binary however it was started (by PATH, a link, a path).
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let executable = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent()
            .appendingPathComponent("../share/ctxplan/Presets").standardizedFileURL.path
        if FileManager.default.fileExists(atPath: installed) { return installed }
        // Sources/ctxplan/CLI/Environment.swift -> the package's top level.
        let clone = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Presets").standardizedFileURL.path
        return FileManager.default.fileExists(atPath: clone) ? clone : nil
    }

    /// The user's own presets: $XDG_CONFIG_HOME/ctxplan/presets (~/.config by default).
    static var userPresets: String {
        xdg("XDG_CONFIG_HOME", fallback: ".config") + "/ctxplan/presets"
    }

    /// REPL history: $XDG_STATE_HOME/ctxplan/history (~/.local/state by default).
    static var historyFile: String {
        xdg("XDG_STATE_HOME", fallback: ".local/state") + "/ctxplan/history"
    }

    private static func xdg(_ variable: String, fallback: String) -> String {
        let env = ProcessInfo.processInfo.environment
        if let dir = env[variable], dir.hasPrefix("/") { return dir }
        return (env["HOME"] ?? NSHomeDirectory()) + "/" + fallback
    }

    /// `--presets` folders given when the REPL started, added to every command it runs.
    nonisolated(unsafe) static var sessionPresets: [String] = []

    nonisolated(unsafe) private static var libraries: [[String]: PresetLibrary] = [:]

    /// The presets for a `--presets` list, loaded once per process.
    static func library(extra: [String]) -> PresetLibrary {
        let directories = [bundledPresets(), userPresets].compactMap { $0 } + extra
        if let cached = libraries[directories] { return cached }
        let library = PresetLibrary(directories: directories)
        for problem in library.problems { warn("skipped preset: \(problem)") }
        libraries[directories] = library
        return library
    }

    static func warn(_ message: String) {
        StandardStreams.writeErrorLine(Style.warn("warning: ") + message)
    }
}

/// The REPL's `set` values: defaults for every later command's missing options.
struct Session {
    var task: String?
    var model: String?
    var nctx: String?
    var gpu: String?

    nonisolated(unsafe) static var current = Session()

    static let keys = ["task", "model", "nctx", "gpu"]

    /// The option's value, else the session's `set` value, else a message naming both.
    static func task(_ option: String?) throws -> String {
        guard let name = option ?? current.task else {
            throw InputError("no task: pass --task (arithmetic, commonsense, translation) or 'set task NAME'")
        }
        return name
    }

    static func model(_ option: String?) throws -> String {
        guard let name = option ?? current.model else {
            throw InputError("no model: pass --model NAME (or 'set model NAME')")
        }
        return name
    }

    /// The context limit from the option or the session, nil when neither gives one.
    static func nctx(_ option: Double?) throws -> Double? {
        try option ?? current.nctx.map(Parse.context)
    }

    /// The context limit from the option or the session, for commands that cannot go without.
    static func requiredNctx(_ option: Double?) throws -> Double {
        guard let limit = try nctx(option) else {
            throw InputError("no context limit: pass --nctx (e.g. 8k) or 'set nctx 8k'")
        }
        return limit
    }
}
