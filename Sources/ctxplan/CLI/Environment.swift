import Foundation

/// Where presets, history and user files live.
enum Environment {
    /// The bundled presets: installed beside the binary (PREFIX/share/ctxplan/Presets), or, for
    /// a binary built in a clone, the clone's own `Presets/`. `CTXPLAN_PRESETS` overrides both.
    static func bundledPresets() -> String {
        if let dir = variable("CTXPLAN_PRESETS"), !dir.isEmpty { return dir }
        let installed = installedPresets()
        if access(installed, F_OK) == 0 { return installed }
        // Sources/ctxplan/CLI/Environment.swift -> the package's top level.
        let clone = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Presets").standardizedFileURL.path
        // Neither: the installed path is named in the warning that the library gives.
        return access(clone, F_OK) == 0 ? clone : installed
    }

    /// PREFIX/share/ctxplan/Presets for the binary at PREFIX/bin. /proc/self/exe names the
    /// binary however it was started (by PATH, a link, a path); realpath resolves every link in
    /// it, so its folder's parent is the one `..` names. Foundation's URL does the same when
    /// /proc is missing, in a tenth of a millisecond more than realpath.
    private static func installedPresets() -> String {
        guard let resolved = realpath("/proc/self/exe", nil) else {
            let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            return executable.deletingLastPathComponent()
                .appendingPathComponent("../share/ctxplan/Presets").standardizedFileURL.path
        }
        defer { free(resolved) }
        var folders = String(cString: resolved).split(separator: "/", omittingEmptySubsequences: true)
        folders.removeLast(min(2, folders.count))  // the binary's name, then its folder
        return "/" + (folders + ["share", "ctxplan", "Presets"]).joined(separator: "/")
    }

    /// The environment variable `name`: getenv, not ProcessInfo's environment, which copies
    /// every variable into a dictionary each time it is asked.
    static func variable(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

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
        if let dir = Environment.variable(variable), dir.hasPrefix("/") { return dir }
        return (Environment.variable("HOME") ?? NSHomeDirectory()) + "/" + fallback
    }

    /// A warning on standard error, its control characters written out as errors' are.
    static func warn(_ message: String) {
        StandardStreams.writeErrorLine(message, tag: Style.warn("warning: "))
    }
}
