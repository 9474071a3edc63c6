#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One fitted parameter of a law form: its name (as the paper, preset files and JSON write it),
/// the interval the paper's Table 3 accepts, and how a fit searches it.
public struct LawParameter: Sendable, Equatable, Hashable {
    public enum SearchScale: Sendable, Equatable, Hashable {
        /// Searched as it is.
        case linear
        /// Searched on log10: a scale spanning many orders of magnitude.
        case log10
    }

    /// The key in preset files and JSON, and the label in text output.
    public let name: String
    /// Table 3's interval, open below: a value must lie in (lower, upper] (or [lower, upper]
    /// where `includesLower`).
    public let lower: Double
    public let includesLower: Bool
    public let upper: Double
    /// The smallest value a fit tries: strictly above `lower`, so the law stays defined.
    public let searchLower: Double
    public let scale: SearchScale
    /// What the value is, for messages ("FLOPs", "an exponent").
    public let unit: String

    public init(
        name: String, lower: Double, upper: Double, searchLower: Double, scale: SearchScale, unit: String,
        includesLower: Bool = false
    ) {
        self.name = name
        self.lower = lower
        self.includesLower = includesLower
        self.upper = upper
        self.searchLower = searchLower
        self.scale = scale
        self.unit = unit
    }

    /// Whether `value` lies in Table 3's interval.
    public func accepts(_ value: Double) -> Bool {
        value.isFinite && (includesLower ? value >= lower : value > lower) && value <= upper
    }

    /// The search coordinate of `value`.
    @inlinable
    public func coordinate(_ value: Double) -> Double {
        switch scale {
        case .linear: return value
        case .log10: return log10(value)
        }
    }

    /// The value at search coordinate `x`. At the search's upper end, 10^log10(upper) can round
    /// past `upper` (131,072.00000000003 for nc), which validation would then reject in the
    /// fit's own saved preset: the value is held to `upper`.
    @inlinable
    public func value(_ x: Double) -> Double {
        switch scale {
        case .linear: return x
        case .log10: return min(pow(10, x), upper)
        }
    }

    /// The interval a fit searches, in search coordinates.
    public var searchInterval: (lower: Double, upper: Double) { (coordinate(searchLower), coordinate(upper)) }
}

extension LawParameter {
    // The six parameters every form shares (Table 3; Table 4 names them).
    public static let A = LawParameter(
        name: "A", lower: 0, upper: 100, searchLower: 1e-6, scale: .linear, unit: "a scale")
    public static let Cc = LawParameter(
        name: "Cc", lower: 0, upper: 1e30, searchLower: 1e10, scale: .log10, unit: "FLOPs")
    public static let alpha = LawParameter(
        name: "alpha", lower: 0, upper: 10, searchLower: 1e-4, scale: .linear, unit: "an exponent")
    public static let B = LawParameter(
        name: "B", lower: 0, upper: 100, searchLower: 1e-6, scale: .linear, unit: "a scale")
    public static let nc = LawParameter(
        name: "nc", lower: 0, upper: 131_072, searchLower: 1, scale: .log10, unit: "tokens")
    public static let beta = LawParameter(
        name: "beta", lower: 0, upper: 10, searchLower: 1e-4, scale: .linear, unit: "an exponent")

    /// The shared six, in the order laws store them (`LawParameters.values`).
    public static let shared: [LawParameter] = [A, Cc, alpha, B, nc, beta]
}
