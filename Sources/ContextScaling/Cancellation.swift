/// Whether the person waiting has asked a long computation to stop (Ctrl-C at the prompt).
///
/// The science layer knows nothing of signals: the program hands in a check, and the long loops
/// (the global search's generations, the refinement's iterations, bootstrap draws) ask it between
/// steps. A stopped loop returns what it has so far; the caller that asked for the stop checks
/// `isRequested` after the call and discards the partial result.
public struct Cancellation: Sendable {
    private let check: @Sendable () -> Bool

    public init(_ check: @escaping @Sendable () -> Bool) {
        self.check = check
    }

    /// Never requested: the default, for library users and tests.
    public static let never = Cancellation { false }

    public var isRequested: Bool { check() }
}

/// Thrown where a computation was stopped on request before it had an answer.
public struct CancelledByUser: Error, Sendable {
    public init() {}
}
