/// The family a law belongs to, without its fitted values: what a fit is asked for and a
/// preset's `law` field stores.
///
/// Everything a form adds to Eq. (1) lives in its definition (one file per form in Forms/):
/// its extra parameters (names, Table 3 bounds, search scale), which the parameter space, the
/// preset file, validation and every display loop over, and how their values make its penalty.
/// A new form is a case here, its definition file and its `Penalty` case: `Penalty` holds every
/// form's extra values, and the law reads what goes beyond the penalty from it (the floor form's
/// floor + (1 - floor) P, `Penalty.floor`; the decay form's factor for extended models,
/// `Penalty.extensionFactor`, which needs the model's pre-extension limit: `FitRecord` and the
/// law evaluated for one model, `ContextScalingLaw.forModel`, carry it).
public enum LawForm: String, Sendable, CaseIterable, Codable {
    case paper
    case noPenalty = "no-penalty"
    case soft
    case floor
    case decay

    public var definition: LawFormDefinition {
        switch self {
        case .paper: return .paper
        case .noPenalty: return .noPenalty
        case .soft: return .soft
        case .floor: return .floor
        case .decay: return .decay
        }
    }

    /// The parameters the form adds to the shared six.
    public var extraParameters: [LawParameter] { definition.extraParameters }

    /// Every parameter a fit of this form estimates, the shared six first.
    public var parameters: [LawParameter] { LawParameter.shared + definition.extraParameters }

    /// How many parameters a fit of this form estimates.
    public var parameterCount: Int { parameters.count }

    /// The law of this form with `values` in `parameters`' order (positive, finite, as many as
    /// `parameterCount`: callers validate them).
    public func law(values: [Double]) -> ContextScalingLaw {
        ContextScalingLaw(
            LawParameters(values: values), penalty: definition.penalty(Array(values[LawParameter.shared.count...])))
    }

    /// Every parameter name some form uses: the keys a preset file's parameters may hold.
    public static let parameterNames: Set<String> = Set(allCases.flatMap { $0.parameters.map(\.name) })
}

/// What one law form adds to Eq. (1).
public struct LawFormDefinition: Sendable {
    public let extraParameters: [LawParameter]
    /// Whether the form penalises prompts past the limit, so that data with none says nothing
    /// about it.
    public let penalisesLongPrompts: Bool
    /// The penalty at the extra parameters' values, in `extraParameters`' order.
    let penalty: @Sendable ([Double]) -> Penalty

    public init(
        extraParameters: [LawParameter], penalisesLongPrompts: Bool, penalty: @escaping @Sendable ([Double]) -> Penalty
    ) {
        self.extraParameters = extraParameters
        self.penalisesLongPrompts = penalisesLongPrompts
        self.penalty = penalty
    }
}
