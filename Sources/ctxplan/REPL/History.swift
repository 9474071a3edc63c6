import CEditLine
import Foundation

/// The REPL's history file, shared by every REPL the user has open.
///
/// Each entered line is appended at once (under a lock file), never the whole list rewritten, so
/// two REPLs at once both keep their lines and a killed one loses none. The file is cut back to
/// `limit` lines, written beside it and renamed into place, only when it has grown to twice that.
struct History {
    let path: String
    let limit: Int
    /// Why the history cannot be kept, once reported; nil while it can.
    private(set) var problem: String?

    init(path: String, limit: Int = 2000) {
        self.path = path
        self.limit = limit
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            fail("cannot create the folder \(folder)")
        }
    }

    /// Reads the saved lines into libedit's list, trimming the file when it has grown too long.
    mutating func load() {
        using_history()
        stifle_history(Int32(limit))
        guard problem == nil, FileManager.default.fileExists(atPath: path) else { return }
        _ = read_history(path)
        guard lineCount() > 2 * limit else { return }
        withLock {
            let temporary = path + ".\(getpid()).tmp"
            if write_history(temporary) == 0, rename(temporary, path) == 0 { return }
            unlink(temporary)
        }
    }

    /// Adds `line` to the list and appends it to the file.
    mutating func add(_ line: String) {
        add_history(line)
        guard problem == nil else { return }
        // Written here rather than by libedit's append_history, which writes one entry more
        // than asked for (the one before), so every appended line would repeat its neighbour.
        let failure: Int32? = withLock {
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return errno }
            defer { close(descriptor) }
            var bytes = lseek(descriptor, 0, SEEK_END) == 0 ? Array("_HiStOrY_V2_\n".utf8) : []
            bytes += History.encoded(line) + [UInt8(ascii: "\n")]
            return write(descriptor, bytes, bytes.count) == bytes.count ? nil : errno
        }
        if let failure { fail("cannot write \(path) (\(String(cString: strerror(failure))))") }
    }

    /// A line as libedit's history file holds it: vis(3) encoding, which read_history undoes;
    /// spaces, control characters and backslashes become octal escapes (\040), the rest stays.
    static func encoded(_ line: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in line.utf8 {
            if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") {
                bytes += Array(String(format: "\\%03o", byte).utf8)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    private mutating func fail(_ what: String) {
        guard problem == nil else { return }
        problem = what
        Environment.warn("history is not kept: \(what)")
    }

    private func lineCount() -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        return data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// Runs `body` holding an exclusive lock on `path.lock`, so an append never meets a rename.
    private func withLock<T>(_ body: () -> T) -> T {
        let descriptor = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return body() }
        defer { close(descriptor) }
        flock(descriptor, LOCK_EX)
        return body()
    }
}
