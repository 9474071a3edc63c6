// C's standard streams are global variables, which Swift 6 flags as shared mutable state; stdio
// locks each stream itself, so reading the stream pointers is safe.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Writing to standard output and standard error without ever trapping.
///
/// Foundation's `FileHandle.write` raises (a trap) when the descriptor cannot be written: a full
/// disk (`2>/dev/full`), a closed stream (`2>&-`), a reader that left (`| head -c1`). Everything
/// here goes through C stdio instead, whose streams keep their own error flag: a failed write is
/// remembered by the stream itself (no state of ours), and `finish` turns it into the exit status.
/// Swift's `print` writes to the same C `stdout`, so its failures are caught the same way.
enum StandardStreams {
    /// The exit status when the answer or a message could not be written (sysexits' EX_IOERR).
    static let writeFailureStatus: Int32 = 74

    /// Call once, first thing. A reader that leaves early (`| head -c1`) gives EPIPE, a write
    /// failure, instead of killing the process with SIGPIPE. A standard descriptor that was
    /// closed (`2>&-`) gets /dev/null opened read-only in its place: writes to it then fail as
    /// writes to a closed stream should, and no file the program opens later can take its number
    /// and receive the messages meant for the terminal.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let placeholder = open("/dev/null", O_RDONLY)
            if placeholder >= 0, placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
    }

    /// Writes one line to standard error: every error and warning of the program comes here.
    /// The line's control characters are written out (`\x1b`, `\n`): a message quotes what a user
    /// typed or a file held, which must neither drive the terminal nor forge a line. `tag` (a
    /// coloured `warning: `) goes first as it is. Standard output is flushed first, so that
    /// where both go to one file (`2>&1`) a message follows the output printed before it.
    static func writeErrorLine(_ line: String, tag: String = "") {
        ProgressLine.shared.erase()
        fflush(stdout)
        fputs(tag + line.escapingControlCharacters + "\n", stderr)
    }

    /// Whether a write to standard output has failed (it stays failed).
    static var outputFailed: Bool { ferror(stdout) != 0 }

    /// The process's exit status: `status`, unless it is 0 and some output or message could not
    /// be written, which makes it `writeFailureStatus`. A failed standard output is reported on
    /// standard error (unless the reader simply left: EPIPE), and unless Ctrl-C stopped the
    /// command (status 130): a write it cut short is part of what "interrupted" already said.
    static func finish(status: Int32) -> Int32 {
        let flushFailed = fflush(stdout) != 0
        let reason = flushFailed ? errno : 0
        let outputFailed = flushFailed || ferror(stdout) != 0
        if outputFailed && reason != EPIPE && status != 130 {
            let detail = reason == 0 ? "" : ": " + String(cString: strerror(reason))
            writeErrorLine("error: the output could not be written" + detail)
        }
        let messagesFailed = ferror(stderr) != 0
        guard status == 0 else { return status }
        return outputFailed || messagesFailed ? writeFailureStatus : 0
    }
}
