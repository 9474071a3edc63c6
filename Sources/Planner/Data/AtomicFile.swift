import Foundation

/// Writing files so that a reader sees the old content or the new, never a mix.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `path` and renames it into place. Temporaries
    /// that earlier writes to the same path left behind when they were killed are removed first.
    ///
    /// A path that names a device or a pipe (`/dev/stdout`, a FIFO) is written in place: there
    /// is no file to replace, and renaming over it would swap the device node itself for a
    /// regular file (as root, `--svg /dev/stdout` replaced /dev/stdout). A symbolic link to a
    /// file has its target replaced, not the link.
    public static func write(_ data: Data, to path: String) throws {
        try checkNamesAFile(path)
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw WriteError(path: path, reason: .isFolder)
            default: return try writeInPlace(data, to: path)
            }
        }
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let path = url.path
        let directory = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else {
            throw WriteError(path: path, reason: .folderMissing(directory))
        }
        removeStaleTemporaries(of: url.lastPathComponent, in: directory)
        let temporary = directory + "/" + temporaryName(of: url.lastPathComponent, pid: getpid())
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                throw WriteError(path: path, reason: .system(errno))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if let error = error as? WriteError { throw error }
            throw WriteError(path: path, reason: .other(error.localizedDescription))
        }
    }

    /// Writes `data` straight to the device or pipe at `path`.
    /// Refuses a path that names no file: empty (which would resolve to the working folder), or
    /// `-` (standard output to a user; `./-` names a file of that name). A command with long work
    /// before it writes checks this first.
    public static func checkNamesAFile(_ path: String) throws {
        if path.isEmpty { throw WriteError(path: path, reason: .noName) }
        if path == "-" { throw WriteError(path: path, reason: .standardOutput) }
    }

    private static func writeInPlace(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: .system(errno)) }
        defer { close(descriptor) }
        var failure: Int32?
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                guard let base = bytes.baseAddress else { return }
                let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if let failure { throw WriteError(path: path, reason: .system(failure)) }
    }

    /// `.NAME.PID.tmp`: hidden, and naming the process that writes it.
    static func temporaryName(of name: String, pid: pid_t) -> String { ".\(name).\(pid).tmp" }

    /// Removes `.NAME.PID.tmp` files in `directory` whose process no longer exists: a write that
    /// was killed between creating its temporary and renaming it. A live process's temporary,
    /// this one's included, is left alone; so is any file not in exactly this form.
    static func removeStaleTemporaries(of name: String, in directory: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let prefix = ".\(name)."
        let suffix = ".tmp"
        for entry in entries
        where entry.hasPrefix(prefix) && entry.hasSuffix(suffix)
            && entry.count > prefix.count + suffix.count
        {
            let digits = entry.dropFirst(prefix.count).dropLast(suffix.count)
            guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let pid = pid_t(digits),
                pid > 0, pid != getpid(), kill(pid, 0) == -1, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: directory + "/" + entry)
        }
    }
}
