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
            case .text(let text): outcome = handle(text, prefix: prefix)
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
        guard let stream = fopen(path, "r") else {
            Ctxplan.report(prefix + "error: cannot read \(InputError.quote(path)): " + String(cString: strerror(errno)))
            return nil
        }
        defer { fclose(stream) }
        let run = runLines(from: stream) { "\(path):\($0): " }
        if let error = run.readError {
            // A folder opens but cannot be read: that is the `source` line's error, not line 1's.
            let place = run.lines == 0 ? prefix : "\(path):\(run.lines + 1): "
            Ctxplan.report(
                place + "error: cannot read \(InputError.quote(path)): " + String(cString: strerror(error)))
        }
        return run
    }

    /// `source FILE`: FILE's lines, as if typed here. A `quit` in it ends the file, not the
    /// session that sourced it.
    func source(_ words: [String], prefix: String) -> Outcome {
        guard words.count == 1, let path = words.first else {
            Ctxplan.report(prefix + "error: expected 'source FILE'")
            return .failed
        }
        guard session.sourceDepth < Self.maximumSourceDepth else {
            Ctxplan.report(
                prefix + "error: 'source \(path)' is nested \(Self.maximumSourceDepth) files deep; "
                    + "expected files that do not source each other in a loop")
            return .failed
        }
        session.sourceDepth += 1
        defer { session.sourceDepth -= 1 }
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
