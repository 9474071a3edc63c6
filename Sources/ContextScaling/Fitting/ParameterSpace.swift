#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The coordinates a fit searches, and their bounds: one per parameter of the form
/// (`LawParameter`), log10 for scales (Cc, nc, the soft sharpness), the rest linear. Every bound
/// lies within the paper's Table 3; the strictly positive lower ends keep the law defined.
/// A parameter given a value beforehand (a chance floor the user knows) is pinned: its
/// coordinate's bounds are that value, so every search and refinement keeps it.
public struct ParameterSpace: Sendable {
    public let form: AnyLawForm
    public let parameters: [LawParameter]
    public let lower: [Double]
    public let upper: [Double]
    /// Names of the coordinates, for messages.
    public let names: [String]
    /// The pinned parameters' values, by name.
    public let pinned: [String: Double]
    /// Per coordinate: whether it is a log10, and the value it is capped at (`LawParameter.value`
    /// unrolled, so that a search's trial copies no parameter description).
    private let isLog10: [Bool]
    private let valueCaps: [Double]

    public init(form: AnyLawForm, pinned: [String: Double] = [:]) {
        self.form = form
        self.pinned = pinned
        parameters = form.parameters
        lower = parameters.map { pinned[$0.name].map($0.coordinate) ?? $0.searchInterval.lower }
        upper = parameters.map { pinned[$0.name].map($0.coordinate) ?? $0.searchInterval.upper }
        names = parameters.map { $0.scale == .log10 ? "log10 " + $0.name : $0.name }
        isLog10 = parameters.map { $0.scale == .log10 }
        valueCaps = parameters.map(\.upper)
    }

    /// How many parameters a fit estimates: the form's, less the pinned ones.
    public var estimatedCount: Int { parameters.count - parameters.filter { pinned[$0.name] != nil }.count }

    public var dimension: Int { lower.count }

    /// The law at coordinates `x`.
    public func law(_ x: [Double]) -> ContextScalingLaw {
        var law = form.law(values: x)
        move(&law, to: x)
        return law
    }

    /// `law`, of this space's form, moved to coordinates `x` in place: the searches' objective
    /// evaluates tens of thousands of trials, and a new law for each (its values, its form)
    /// cost a fifth of a fit in allocation and reference counting.
    public func move(_ law: inout ContextScalingLaw, to x: [Double]) {
        for j in x.indices {
            // LawParameter.value(_:), bit for bit.
            law.values[j] = isLog10[j] ? min(pow(10, x[j]), valueCaps[j]) : x[j]
        }
    }

    /// The coordinates of `law`, clamped into the bounds; a parameter `law`'s form lacks starts
    /// at the middle of its search interval.
    public func coordinates(_ law: ContextScalingLaw) -> [Double] {
        let x = parameters.indices.map { j in
            law.value(parameters[j].name).map(parameters[j].coordinate) ?? (lower[j] + upper[j]) / 2
        }
        return clamp(x)
    }

    /// Whether two points are within a millionth of each coordinate's range of each other.
    func isNear(_ a: [Double], _ b: [Double]) -> Bool {
        a.indices.allSatisfy { j in abs(a[j] - b[j]) <= 1e-6 * (upper[j] - lower[j]) }
    }

    public func clamp(_ x: [Double]) -> [Double] {
        x.indices.map { min(max(x[$0], lower[$0]), upper[$0]) }
    }
}
