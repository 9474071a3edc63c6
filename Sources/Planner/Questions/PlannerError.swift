/// A question the planner cannot answer as asked, named by the missing or bad concept. The
/// program words it, with the option a user would change.
public enum PlannerError: Error, Equatable, Sendable {
    /// Compute given as FLOPs with no context limit to go with it.
    case missingContextLimit
    /// A model whose source publishes no pre-training token count, asked about without one given.
    case tokensNotPublished(model: String)
    /// A limit below the model's native one: a model is never shortened.
    case limitBelowNative(limit: Double, model: String, native: Double)
    /// An extension candidate below the model's native limit.
    case candidateBelowNative(limit: Double, model: String, native: Double)
    /// An extension to a limit not above the model's native one costs nothing to ask about.
    case extensionNotLonger(limit: Double, model: String, native: Double)
    /// A relative tolerance outside [0, 1).
    case toleranceOutOfRange(Double)
    /// A target score outside (0, 1).
    case targetOutOfRange(Double)
    /// The reserve leaves less of the limit than the test instance itself takes.
    case reserveTooLarge(reserve: Double, left: Double, limit: Double, instanceTokens: Double)
}
