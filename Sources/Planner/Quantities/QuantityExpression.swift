extension Quantities {
    /// A number a user typed where a value of `kind` goes, as `parse` reads it, or arithmetic
    /// (`6*7B*2T`, `2*_`: see `Expression`) whose value must then pass the same checks.
    ///
    /// - Parameters:
    ///   - measure: what the value measures here; `_` is accepted only for a last answer of
    ///     that measure (nil: for none).
    ///   - last: the last answer's main quantity, which `_` stands for.
    /// - Throws: `ExpressionError` for arithmetic that has no value, `QuantityError` for a
    ///   value out of the kind's range (naming the whole text).
    public static func evaluate(
        _ token: String, as kind: Kind, what: String, allowZero: Bool = false, measure: Measure? = nil,
        last: Measured? = nil
    ) throws -> Double {
        // A plain number keeps its own messages; `inRange` also catches the fraction that
        // `parse`'s fast path lets through for a whole number.
        let value =
            Expression.isArithmetic(token)
            ? try Expression.evaluate(token, as: kind, measure: measure, last: last)
            : try parse(token, as: kind, what: what, allowZero: allowZero)
        return try inRange(value, token: token, as: kind, what: what, allowZero: allowZero)
    }
}
