#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The coordinates a fit searches, and their bounds.
///
/// Scales are searched on log10 (Cc from 1e10 to 1e30 FLOPs, nc from 1 to 131,072 tokens, and the
/// soft penalty's sharpness from 0.1 to 1000), the rest linearly. Every bound lies within the
/// paper's Table 3 (A, B in (0, 100]; Cc in (0, 1e30]; alpha, beta in (0, 10]; nc in
/// (0, 131,072]); the strictly positive lower ends keep the law defined.
public struct ParameterSpace: Sendable {
    public let form: LawForm
    public let lower: [Double]
    public let upper: [Double]
    /// Names of the coordinates, for messages.
    public let names: [String]

    public init(form: LawForm) {
        self.form = form
        var lower = [1e-6, 10, 1e-4, 1e-6, 0, 1e-4]
        var upper = [100, 30, 10, 100, log10(131_072.0), 10]
        var names = ["A", "log10 Cc", "alpha", "B", "log10 nc", "beta"]
        if form == .soft {
            lower.append(-1)
            upper.append(3)
            names.append("log10 s")
        }
        self.lower = lower
        self.upper = upper
        self.names = names
    }

    public var dimension: Int { lower.count }

    /// The law at coordinates `x`.
    public func law(_ x: [Double]) -> ContextScalingLaw {
        let parameters = LawParameters(A: x[0], Cc: pow(10, x[1]), alpha: x[2], B: x[3], nc: pow(10, x[4]), beta: x[5])
        switch form {
        case .paper: return ContextScalingLaw(parameters, penalty: .paper)
        case .noPenalty: return ContextScalingLaw(parameters, penalty: .none)
        case .soft: return ContextScalingLaw(parameters, penalty: .soft(sharpness: pow(10, x[6])))
        }
    }

    /// The coordinates of `law`, clamped into the bounds.
    public func coordinates(_ law: ContextScalingLaw) -> [Double] {
        let p = law.parameters
        var x = [p.A, log10(p.Cc), p.alpha, p.B, log10(p.nc), p.beta]
        if form == .soft {
            if case .soft(let s) = law.penalty { x.append(log10(s)) } else { x.append(1) }
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
