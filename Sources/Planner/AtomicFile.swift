import Foundation

/// Writing files so that a reader sees the old content or the new, never a mix.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `path` and renames it into place.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else {
            throw InputError("cannot write '\(path)': folder '\(directory)' does not exist")
        }
        let temporary = directory + "/.\(url.lastPathComponent).\(getpid()).tmp"
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
}
