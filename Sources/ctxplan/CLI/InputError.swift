import Foundation
import Planner

/// Input a command cannot take, in words: names the offending token and what was expected. The
/// Planner throws typed errors; this is the program's own.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// `token` in quotes for a message; a very long one (a pasted file) shortened to its start
    /// and its length, so that a rejection never repeats megabytes back.
    public static func quote(_ token: String) -> String {
        let shown = 60
        guard token.utf8.count > 2 * shown, token.count > 2 * shown else { return "'\(token)'" }
        return "'\(token.prefix(shown))...' (\(token.count) characters)"
    }

    /// Checks, before any work, that the value of a file-writing `option` names a file (not
    /// empty, not `-`), and that it does not exist unless `force`: the rejection names the option.
    public static func checkOutputFile(_ path: String, option: String, force: Bool) throws {
        do { try AtomicFile.checkNamesAFile(path) } catch { throw InputError("\(option): \(error)") }
        if !force, FileManager.default.fileExists(atPath: path) {
            throw InputError("\(quote(path)) exists; pass --force to replace it")
        }
    }
}
