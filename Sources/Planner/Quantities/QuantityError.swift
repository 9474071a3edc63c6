/// A number a user typed that `Quantities.parse` rejects: the facts of the rejection. The
/// program words it (what was wrong, and what a value of `kind` looks like).
public struct QuantityError: Error, Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        case empty, notANumber, tooLarge, negative, zero, notWhole
        /// Positive but below the kind's least value (1 for counts and lengths).
        case lessThanOne
    }

    /// The caller's name for the value ("n_ctx", or a flag the program passes); may be empty.
    public var what: String
    public var token: String
    public var kind: Quantities.Kind
    public var allowZero: Bool
    public var problem: Problem
    /// Where the token was read (`file:line`), when it came from a file.
    public var location: String?

    public init(
        what: String, token: String, kind: Quantities.Kind, allowZero: Bool, problem: Problem,
        location: String? = nil
    ) {
        self.what = what
        self.token = token
        self.kind = kind
        self.allowZero = allowZero
        self.problem = problem
        self.location = location
    }
}
