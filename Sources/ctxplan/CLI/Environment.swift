import Foundation

/// Where presets, history and user files live.
enum Environment {
    /// The bundled presets: installed beside the binary (PREFIX/share/ctxplan/Presets), or, for
    /// a binary built in a clone, the clone's own `Presets/`. `CTXPLAN_PRESETS` overrides both.
    static func bundledPresets() -> String {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["CTXPLAN_PRESETS"], !dir.isEmpty { return dir }
        // /proc/self/exe names the binary however it was started (by PATH, a link, a path).
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let executable = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent()
            .appendingPathComponent("../share/ctxplan/Presets").standardizedFileURL.path
        if FileManager.default.fileExists(atPath: installed) { return installed }
        // Sources/ctxplan/CLI/Environment.swift -> the package's top level.
        let clone = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Presets").standardizedFileURL.path
        // Neither: the installed path is named in the warning that the library gives.
        return FileManager.default.fileExists(atPath: clone) ? clone : installed
    }

    /// The user's own presets: $XDG_CONFIG_HOME/ctxplan/presets (~/.config by default). Read
    /// once: every command line asks for it, and the process's environment does not change.
    static let userPresets: String = xdg("XDG_CONFIG_HOME", fallback: ".config") + "/ctxplan/presets"

    /// Lines the REPL runs when it starts: $XDG_CONFIG_HOME/ctxplan/ctxplanrc.
    static var rcFile: String {
        xdg("XDG_CONFIG_HOME", fallback: ".config") + "/ctxplan/ctxplanrc"
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

    /// A warning on standard error, its control characters written out as errors' are.
    static func warn(_ message: String) {
        StandardStreams.writeErrorLine(message, tag: Style.warn("warning: "))
    }
}
