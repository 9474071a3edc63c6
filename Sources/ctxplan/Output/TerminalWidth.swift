#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The width of the terminal standard output writes to, for wrapping notes.
enum TerminalWidth {
    /// The terminal's columns (TIOCGWINSZ, else COLUMNS), or nil when standard output is not a
    /// terminal: pipes and files get lines unwrapped.
    static func forStandardOutput() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        return nil
    }
}
