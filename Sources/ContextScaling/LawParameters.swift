#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The six fitted parameters of Eq. (1), named as in the paper (Table 4).
///
///     P = [1 - exp(-A (C/Cc)^alpha)] * [1 - exp(-B (n_pmt/nc)^beta)] * penalty(n_pmt, n_ctx)
public struct LawParameters: Sendable, Equatable, Hashable, Codable {
    /// Scale of the compute term.
    public var A: Double
    /// Characteristic compute, in FLOPs.
    public var Cc: Double
    /// Exponent of the compute term.
    public var alpha: Double
    /// Scale of the context term.
    public var B: Double
    /// Characteristic prompt length, in tokens.
    public var nc: Double
    /// Exponent of the context term.
    public var beta: Double

    public init(A: Double, Cc: Double, alpha: Double, B: Double, nc: Double, beta: Double) {
        self.A = A
        self.Cc = Cc
        self.alpha = alpha
        self.B = B
        self.nc = nc
        self.beta = beta
    }

    /// The six in `LawParameter.shared`'s order.
    public var values: [Double] { [A, Cc, alpha, B, nc, beta] }

    /// The parameters from the first six of `values`, in `LawParameter.shared`'s order.
    public init(values: [Double]) {
        self.init(A: values[0], Cc: values[1], alpha: values[2], B: values[3], nc: values[4], beta: values[5])
    }
}
