import CEditLineShim
import Foundation
import Planner

/// Lines read from a pipe, a script (`ctxplan FILE`), a `source FILE` or the rc file: each run
/// as if typed at the prompt, its errors prefixed with where it was read (`line 3: `,
/// `plan.ctx:3: `).
extension REPL {
    /// `source` inside `source` deeper than this is refused: a file that sources itself would
    /// otherwise recurse until the stack ran out.
    static let maximumSourceDepth = 16
    /// Larger files are refused: a script is lines a person wrote, and a larger file (a data
    /// file sourced by mistake) would hold the session for minutes.
    static let maximumScriptBytes = 16 << 20

    /// How a run of lines ended.
    struct LinesRun {
        /// `.quit` for a `quit` line, `.interrupted` for Ctrl-C, else `.ok` (the end).
        var outcome: Outcome = .ok
        var failed = false
        var lines = 0
        /// The error that ended the reading, if a read failed before the end.
        var readError: Int32?
    }

    /// Runs each line of `stream`. Ctrl-C stops the running line's command and the lines after
    /// it; so does an output that can no longer be written (the answers to the rest would be lost).
    func runLines(from stream: UnsafeMutablePointer<FILE>, label: (Int) -> String) -> LinesRun {
        var run = LinesRun()
        var reader = LineReader(limit: LineSplitter.maximumBytes)
        while let line = reader.next(from: stream) {
            run.lines += 1
            let prefix = label(run.lines)
            let outcome: Outcome
            switch line {
            case .text(var text):
                // A byte-order mark, which some editors write first, is no part of the first word.
                if run.lines == 1, text.hasPrefix("\u{FEFF}") { text.removeFirst() }
                outcome = handle(text, prefix: prefix)
            case .tooLong(let bytes):
                Ctxplan.report(prefix + "error: \(LineSplitter.Problem.tooLong(bytes: bytes))")
                outcome = .failed
            }
            if shim_interrupted() != 0 {
                if outcome != .interrupted { Ctxplan.report(prefix + "interrupted") }
                run.outcome = .interrupted
                return run
            }
            switch outcome {
            case .quit:
                run.outcome = .quit
                return run
            case .failed, .interrupted: run.failed = true
            case .ok: break
            }
            // The status then says so (StandardStreams.finish); there is no one to answer.
            if StandardStreams.outputFailed { break }
        }
        if shim_interrupted() != 0 { run.outcome = .interrupted }  // Ctrl-C while waiting for a line
        run.readError = reader.readError
        return run
    }

    /// Runs the lines of the file at `path`, errors prefixed `path:N: `; nil when it cannot be
    /// opened (reported, after `prefix`).
    func runFile(_ path: String, prefix: String) -> LinesRun? {
        if let problem = Self.scriptProblem(path) {
            Ctxplan.report(prefix + "error: cannot read \(InputError.quote(path)): " + problem)
            return nil
        }
        guard let stream = fopen(path, "r") else {
            Ctxplan.report(prefix + "error: cannot read \(InputError.quote(path)): " + String(cString: strerror(errno)))
            return nil
        }
        defer { fclose(stream) }
        session.sourcingFiles.append(path)
        defer { session.sourcingFiles.removeLast() }
        let run = runLines(from: stream) { "\(path):\($0): " }
        if let error = run.readError {
            // A folder opens but cannot be read: that is the `source` line's error, not line 1's.
            let place = run.lines == 0 ? prefix : "\(path):\(run.lines + 1): "
            Ctxplan.report(
                place + "error: cannot read \(InputError.quote(path)): " + String(cString: strerror(error)))
        }
        return run
    }

    /// Why the file at `path` cannot be a script, or nil: a device (`/dev/zero` never ends), a
    /// pipe or a socket is not read, nor a file over `maximumScriptBytes`. A missing file and a
    /// folder are left to fopen and the read, which say so.
    static func scriptProblem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { return nil }
        guard kind == S_IFREG else { return "not a regular file (a device, pipe or socket); expected a script file" }
        guard info.st_size <= maximumScriptBytes else {
            return "\(info.st_size) bytes; expected a script of at most \(maximumScriptBytes >> 20) MiB"
        }
        return nil
    }

    /// `source FILE`: FILE's lines, as if typed here. A `quit` in it ends the file, not the
    /// session that sourced it. A relative FILE inside a sourced file is found beside that file,
    /// so a folder of scripts that source each other runs from anywhere.
    func source(_ words: [String], prefix: String) -> Outcome {
        guard words.count == 1, var path = words.first else {
            Ctxplan.report(prefix + "error: expected 'source FILE'")
            return .failed
        }
        guard session.sourcingFiles.count < Self.maximumSourceDepth else {
            Ctxplan.report(
                prefix + "error: 'source \(path)' is nested \(Self.maximumSourceDepth) files deep; "
                    + "expected files that do not source each other in a loop")
            return .failed
        }
        if !path.hasPrefix("/"), let sourcing = session.sourcingFiles.last {
            let folder = (sourcing as NSString).deletingLastPathComponent
            if !folder.isEmpty { path = folder + "/" + path }
        }
        guard let run = runFile(path, prefix: prefix) else { return .failed }
        if run.outcome == .interrupted { return .interrupted }
        return run.failed || run.readError != nil ? .failed : .ok
    }

    /// `$XDG_CONFIG_HOME/ctxplan/ctxplanrc`, when there is one: its failing lines are reported
    /// with the file and line, and the REPL starts anyway.
    func runRC() {
        let path = Environment.rcFile
        guard FileManager.default.fileExists(atPath: path) else { return }
        _ = source([path], prefix: "")
    }

    /// `ctxplan FILE`: the file's lines as the pipe mode runs them. Status 0, 1 when a line
    /// failed, 2 when the file cannot be read, 130 for Ctrl-C.
    func runScript(_ path: String) -> Int32 {
        session.insideREPL = true
        defer { session.insideREPL = false }
        guard let run = runFile(path, prefix: "") else { return 2 }
        if run.outcome == .interrupted { return 130 }
        return run.failed || run.readError != nil ? 1 : 0
    }
}
