import Planner

/// The planner's errors in words, with the option a user would change: the one place that
/// maps the planner's concepts to flags. ArgumentParser prints an error's description.
extension PlannerError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missingContextLimit:
            return "--nctx is needed with --compute or --params: the context limit, e.g. --nctx 8k"
        case .tokensNotPublished(let model):
            return "\(model)'s pre-training tokens are not published, so its compute 6ND is unknown; "
                + "expected --tokens D (e.g. --tokens 8T), or pretrain_tokens in its preset"
        case .limitBelowNative(let limit, let model, let native):
            return "--nctx \(Fmt.limit(limit)) is below \(model)'s native limit of \(Fmt.limit(native)); "
                + "expected a limit of at least that"
        case .candidateBelowNative(let limit, let model, let native):
            return "--to \(Fmt.limit(limit)) is below \(model)'s native limit of \(Fmt.limit(native)); "
                + "expected limits of at least that"
        case .extensionNotLonger(let limit, let model, let native):
            return "--to \(Fmt.limit(limit)) is not above \(model)'s native limit of \(Fmt.limit(native)); "
                + "expected a longer limit"
        case .toleranceOutOfRange(let within):
            return "--within \(within) is outside [0, 1); expected a fraction such as 0.01"
        case .targetOutOfRange(let target):
            return "target \(target) is outside (0, 1); expected a score such as 0.16"
        case .reserveTooLarge(let reserve, let left, let limit, let instance):
            return "--reserve \(Quantities.formatTokens(reserve)) leaves \(Fmt.tokens(left)) of the "
                + "\(Fmt.limit(limit)) limit, less than the \(Quantities.formatTokens(instance))-token test instance "
                + "itself; expected a smaller reserve"
        }
    }
}
