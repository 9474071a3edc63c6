import ContextScaling
import Foundation

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Long work's progress on standard error, when it is a terminal: "bootstrap: 37 of 200 draws,
/// about 12 s left", drawn over itself in place. It shows only once the work has run a second
/// (a quick answer flickers nothing), is redrawn at most ten times a second (and at each stage's
/// start and first step), and is erased when a stage finishes and before any message, so it
/// never stays in what the terminal keeps.
///
/// One line for the whole process: the parallel loops report from several threads, under a lock.
final class ProgressLine: @unchecked Sendable {
    static let shared = ProgressLine()

    /// Seconds of work before the line shows: `CTXPLAN_PROGRESS_AFTER` (the tests set 0), else 1.
    private let delay: Double
    private let lock = NSLock()
    private var began = 0.0
    private var stage: (stage: ProgressReporter.Stage, total: Int, since: Double, counted: Bool)?
    private var lastDrawn = -Double.infinity
    private var shown = false

    private init() {
        let after = Environment.variable("CTXPLAN_PROGRESS_AFTER").flatMap(Double.init)
        delay = after.map { $0.isFinite ? max(0, $0) : 1 } ?? 1
    }

    /// The hook for a command's long work: this line when a person is at a terminal (standard
    /// input and error both are one) and the answer is text, else nothing (a pipe, a file,
    /// `--json`, a script's commands, commands piped to the REPL).
    func progress(forText text: Bool, inScript: Bool) -> ProgressReporter {
        guard text, !inScript, isatty(STDERR_FILENO) == 1, isatty(STDIN_FILENO) == 1 else { return .none }
        lock.lock()
        began = Self.now
        stage = nil
        lock.unlock()
        return ProgressReporter { [self] stage, done, total in update(stage, done: done, of: total) }
    }

    /// Erases the line if it is shown: before a message, and when the work is done.
    func erase() {
        lock.lock()
        defer { lock.unlock() }
        eraseLocked()
    }

    private func update(_ stage: ProgressReporter.Stage, done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now
        // A new stage (or the same one begun again, as each fold of a comparison fits afresh)
        // times its own steps.
        var first = false
        if self.stage?.stage != stage || self.stage?.total != total || done == 0 {
            self.stage = (stage, total, now, false)
            first = true
        }
        guard done < total, let current = self.stage else {
            eraseLocked()
            return
        }
        // A stage's first count, and its first step with a time left, are drawn whatever the
        // rate; the rest at most ten times a second.
        let firstStep = done > 0 && !current.counted
        if firstStep { self.stage?.counted = true }
        guard now - began >= delay, first || firstStep || now - lastDrawn >= 0.1 else { return }
        let since = current.since
        lastDrawn = now
        var text = Self.describe(stage, done: done, of: total)
        if done > 0 {
            text += ", about " + Self.duration((now - since) / Double(done) * Double(total - done)) + " left"
        }
        Self.put("\r" + text + "\u{1B}[K")
        shown = true
    }

    private func eraseLocked() {
        guard shown else { return }
        Self.put("\r\u{1B}[K")
        shown = false
    }

    /// "bootstrap: 37 of 200 draws", "importing: 45%".
    static func describe(_ stage: ProgressReporter.Stage, done: Int, of total: Int) -> String {
        switch stage {
        case .fitting: return "fitting: \(done) of \(total) steps"
        case .bootstrap: return "bootstrap: \(done) of \(total) draws"
        case .comparing: return "comparing laws: \(done) of \(total) fits"
        case .backtesting: return "backtests: \(done) of \(total) fits"
        case .importing: return "importing: \(Int(100 * Double(done) / Double(max(1, total))))%"
        }
    }

    /// "12 s", "3 min 5 s".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let whole = max(1, Int(min(seconds, 1e9).rounded(.up)))
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }

    /// Straight to the descriptor: C's standard error is unbuffered, so nothing is reordered.
    private static func put(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    private static var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
