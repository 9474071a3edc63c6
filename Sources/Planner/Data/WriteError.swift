/// A file `AtomicFile.write` could not write, and why; the program words it.
public struct WriteError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// The path names a folder, not a file.
        case isFolder
        /// The folder the file would go in does not exist.
        case folderMissing(String)
        /// A system call failed with this `errno`.
        case system(Int32)
        /// Foundation could not write the temporary file; its own description of why.
        case other(String)
        /// An empty path: no file was named.
        case noName
        /// `-`, which names standard output on command lines, given where only a file is written.
        case standardOutput
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }
}
