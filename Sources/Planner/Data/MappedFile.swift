#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes mapped into memory, read-only: a gigabyte CSV is read without a copy, and the
/// parts already read are handed back (`release`) so that the process holds only the part it is
/// reading. Nil from `init` for what cannot be mapped (a pipe, say): the caller reads it whole.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Why a path gives no bytes.
    enum Failure: Error {
        case missing, unreadable, notMappable
    }

    init(path: String) throws(Failure) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw errno == ENOENT ? .missing : .unreadable }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .unreadable }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { throw .unreadable }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .notMappable }
        let size = Int(status.st_size)
        guard size > 0 else {
            base = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw .notMappable
        }
        base = mapped
        bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Hands the whole pages inside `range` back to the system; reading them again maps them
    /// in again from the page cache.
    func release(_ range: Range<Int>) {
        guard let base else { return }
        let start = (range.lowerBound + MappedFile.pageSize - 1) / MappedFile.pageSize * MappedFile.pageSize
        let end = range.upperBound / MappedFile.pageSize * MappedFile.pageSize
        guard end > start else { return }
        _ = madvise(base + start, end - start, Int32(MADV_DONTNEED))
    }

    deinit {
        if let base { munmap(base, bytes.count) }
    }
}

/// What a reader must know of a stretch of text before splitting it at line breaks: whether it
/// holds a quote (a quoted field may hold a line break) or a byte outside ASCII (the UTF-8 must
/// be checked), and how many line breaks it has. Eight bytes at a time.
struct TextSurvey: Sendable {
    var quotes = false
    var nonASCII = false
    var newlines = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // 0x80 in each byte of `x` that is zero, no other bit: exact, unlike the shorter test
        // that may also flag a byte above a zero one.
        func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & ~high) &+ ~high) | x | ~high) }
        var i = 0
        var any: UInt64 = 0
        var quoteBytes: UInt64 = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                any |= word
                quoteBytes |= zeroBytes(word ^ (ones &* 0x22))
                newlines += zeroBytes(word ^ (ones &* 0x0A)).nonzeroBitCount
                i += 8
            }
        }
        while i < bytes.count {
            let c = bytes[i]
            any |= UInt64(c)
            if c == CSVScanner.quote { quoteBytes = 1 }
            if c == CSVScanner.newline { newlines += 1 }
            i += 1
        }
        quotes = quoteBytes != 0
        nonASCII = any & high != 0
    }
}
