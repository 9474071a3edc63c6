/// Input a question cannot be asked with: names the offending token and what was expected.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
