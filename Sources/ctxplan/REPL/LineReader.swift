#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Lines of standard input for the piped REPL, each read in bounded memory.
///
/// Swift's `readLine` holds a whole line before anyone can look at its length, so an endless
/// line (`ctxplan < /dev/zero`) grew by hundreds of megabytes a second until the system killed
/// the process. Here the bytes past `limit` are counted, not kept: the caller rejects the line
/// by its length, as it would have anyway.
struct LineReader {
    enum Line: Equatable {
        case text(String)
        /// Longer than the limit: its length in bytes, the newline not counted.
        case tooLong(bytes: Int)
    }

    /// Standard input, named where Foundation's import of `stdin` is not concurrency-safe.
    static var standardInput: UnsafeMutablePointer<FILE> { stdin }

    let limit: Int
    /// The error that ended the input, if a read failed rather than reaching its end; an
    /// interrupted read (Ctrl-C) counts as an error too.
    private(set) var readError: Int32?

    init(limit: Int) {
        self.limit = limit
    }

    /// The next line without its newline (or "\r\n"); nil at the end of the input, and when a
    /// read fails (a line cut short by Ctrl-C is not run).
    mutating func next(from stream: UnsafeMutablePointer<FILE> = stdin) -> Line? {
        var kept: [UInt8] = []
        var length = 0
        var last: Int32 = EOF
        var sawAny = false
        while true {
            let c = getc(stream)
            if c == EOF {
                if ferror(stream) != 0 {
                    readError = errno
                    return nil
                }
                if !sawAny { return nil }
                break
            }
            sawAny = true
            if c == 10 { break }
            length += 1
            last = c
            // One byte past the limit is kept, so that a carriage return there can still go.
            if length <= limit + 1 { kept.append(UInt8(truncatingIfNeeded: c)) }
        }
        if last == 13 {
            length -= 1
            if kept.count > length { kept.removeLast() }
        }
        guard length <= limit else { return .tooLong(bytes: length) }
        return .text(String(decoding: kept, as: UTF8.self))
    }
}
