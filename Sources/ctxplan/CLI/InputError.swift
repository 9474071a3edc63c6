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
}
