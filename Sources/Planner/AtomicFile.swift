import Foundation

/// Writing files so that a reader sees the old content or the new, never a mix.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `path` and renames it into place. Temporaries
    /// that earlier writes to the same path left behind when they were killed are removed first.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else {
            throw InputError("cannot write '\(path)': folder '\(directory)' does not exist")
        }
        removeStaleTemporaries(of: url.lastPathComponent, in: directory)
        let temporary = directory + "/" + temporaryName(of: url.lastPathComponent, pid: getpid())
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                throw InputError("cannot write '\(path)': \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if let error = error as? InputError { throw error }
            throw InputError("cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    /// `.NAME.PID.tmp`: hidden, and naming the process that writes it.
    static func temporaryName(of name: String, pid: pid_t) -> String { ".\(name).\(pid).tmp" }

    /// Removes `.NAME.PID.tmp` files in `directory` whose process no longer exists: a write that
    /// was killed between creating its temporary and renaming it. A live process's temporary,
    /// this one's included, is left alone; so is any file not in exactly this form.
    static func removeStaleTemporaries(of name: String, in directory: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let prefix = ".\(name).", suffix = ".tmp"
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(suffix)
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
