/// An arithmetic expression a user typed (`6*7B*2T`, `2*_`) that `Quantities.evaluate` could not
/// work out: the facts, for the program to word. `offset` and `token` point at the bad token.
public struct ExpressionError: Error, Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        /// A character that starts no number, operator or `_` (the token is the run of it).
        case unexpectedToken
        /// A number, `_` or `(` was expected here; `token` is empty at the end of the text.
        case expectedOperand
        /// An operator or the end was expected, after a complete operand.
        case expectedOperator
        /// A `(` without its `)`.
        case unclosedParenthesis
        /// A number written wrongly (`1.2.3`, `1__0`).
        case malformedNumber
        /// Division by zero at the operator `token`.
        case divisionByZero
        /// The operation at `token` overflows a double.
        case overflow
        /// Parentheses nested deeper than `Expression.maximumDepth`.
        case tooDeep
        /// `_` with no last answer, or a last answer with no number.
        case noLastAnswer
        /// `_` stands for a number of `found`'s measure where `expected` goes (nil: a number
        /// no answer gives, such as a step count).
        case wrongMeasure(found: Measured, expected: Measure?)
    }

    /// The whole text that was evaluated.
    public var expression: String
    /// The bad token, as written; empty at the end of the text.
    public var token: String
    /// Where the bad token starts, in characters from the start of `expression`.
    public var offset: Int
    public var problem: Problem

    public init(expression: String, token: String, offset: Int, problem: Problem) {
        self.expression = expression
        self.token = token
        self.offset = offset
        self.problem = problem
    }
}
