#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One observation to fit: a score at a compute, prompt length and context limit.
public struct FitRecord: Sendable, Equatable {
    public var flops: Double
    public var nPmt: Double
    public var nCtx: Double
    public var metric: Double
    /// The limit the model was pre-trained with, when it was extended past it (the decay form
    /// scores extended models lower); nil for a model at its own limit.
    public var nativeLimit: Double?

    public init(flops: Double, nPmt: Double, nCtx: Double, metric: Double, nativeLimit: Double? = nil) {
        self.flops = flops
        self.nPmt = nPmt
        self.nCtx = nCtx
        self.metric = metric
        self.nativeLimit = nativeLimit
    }
}

/// Records compiled for fast evaluation of a law's residuals.
///
/// A data set has few distinct compute levels and prompt lengths (the paper's: 12 and 10 for
/// 360 records), so each objective evaluation computes the compute and context factors once
/// per distinct value and the penalty (with any extension factor) once per distinct (prompt,
/// limit, native limit); the per-record work is a product and a subtraction.
struct CompiledRecords {
    let records: [FitRecord]
    let logCompute: [Double]  // distinct log C
    let logPrompt: [Double]  // distinct log n_pmt
    let penaltyPairs: [(nPmt: Double, nCtx: Double, native: Double?)]
    let computeIndex: [Int]
    let promptIndex: [Int]
    let pairIndex: [Int]
    let metrics: [Double]

    init(_ records: [FitRecord]) {
        self.records = records
        func index<K: Hashable>(_ keys: [K]) -> (distinct: [K], index: [Int]) {
            var position: [K: Int] = [:]
            var distinct: [K] = []
            let idx = keys.map { key -> Int in
                if let p = position[key] { return p }
                position[key] = distinct.count
                distinct.append(key)
                return distinct.count - 1
            }
            return (distinct, idx)
        }
        let c = index(records.map(\.flops))
        let n = index(records.map(\.nPmt))
        struct Pair: Hashable { let n: Double, c: Double, native: Double? }
        let p = index(records.map { Pair(n: $0.nPmt, c: $0.nCtx, native: $0.nativeLimit) })
        logCompute = c.distinct.map { log($0) }
        logPrompt = n.distinct.map { log($0) }
        penaltyPairs = p.distinct.map { ($0.n, $0.c, $0.native) }
        computeIndex = c.index
        promptIndex = n.index
        pairIndex = p.index
        metrics = records.map(\.metric)
    }

    /// Predictions of `law` for every record, into `out`.
    func predict(_ law: ContextScalingLaw, into out: inout [Double], scratch: inout Scratch) {
        computeFactors(law, scratch: &scratch)
        if out.count != records.count { out = [Double](repeating: 0, count: records.count) }
        let floor = law.floor
        for r in records.indices {
            let product = scratch.compute[computeIndex[r]] * scratch.context[promptIndex[r]]
            out[r] = floor + (1 - floor) * product * scratch.penalty[pairIndex[r]]
        }
    }

    /// Sum of squared residuals of `law`: the global search's objective, its hottest loop.
    func sse(_ law: ContextScalingLaw, scratch: inout Scratch) -> Double {
        computeFactors(law, scratch: &scratch)
        let floor = law.floor
        let above = 1 - floor
        var total = 0.0
        scratch.compute.withUnsafeBufferPointer { compute in
            scratch.context.withUnsafeBufferPointer { context in
                scratch.penalty.withUnsafeBufferPointer { penalty in
                    for r in metrics.indices {
                        let product = compute[computeIndex[r]] * context[promptIndex[r]] * penalty[pairIndex[r]]
                        let d = floor + above * product - metrics[r]
                        total += d * d
                    }
                }
            }
        }
        return total.isFinite ? total : .infinity
    }

    /// The factors at every distinct compute level, prompt length and (prompt, limit) pair.
    private func computeFactors(_ law: ContextScalingLaw, scratch: inout Scratch) {
        scratch.prepare(self)
        // The same sums as ContextScalingLaw.logComputeArgument, with the parameters' logarithms
        // taken once per evaluation instead of once per distinct value.
        let p = law.parameters
        let logA = log(p.A)
        let logCc = log(p.Cc)
        let logB = log(p.B)
        let logNc = log(p.nc)
        for i in logCompute.indices {
            scratch.compute[i] = StableMath.saturate(exp(logA + p.alpha * (logCompute[i] - logCc)))
        }
        for i in logPrompt.indices {
            scratch.context[i] = StableMath.saturate(exp(logB + p.beta * (logPrompt[i] - logNc)))
        }
        // The paper's penalty has no fitted parameter: its values are computed once per fit.
        if scratch.penaltyComputedFor != law.penalty {
            for i in penaltyPairs.indices {
                let (nPmt, nCtx, native) = penaltyPairs[i]
                scratch.penalty[i] =
                    law.penalty.value(promptTokens: nPmt, contextLimit: nCtx)
                    * law.penalty.extensionFactor(contextLimit: nCtx, nativeLimit: native)
            }
            scratch.penaltyComputedFor = law.penalty
        }
    }

    /// Reusable buffers, one per thread.
    struct Scratch {
        var compute: [Double] = []
        var context: [Double] = []
        var penalty: [Double] = []
        var penaltyComputedFor: Penalty?

        mutating func prepare(_ data: CompiledRecords) {
            if compute.count != data.logCompute.count { compute = Array(repeating: 0, count: data.logCompute.count) }
            if context.count != data.logPrompt.count { context = Array(repeating: 0, count: data.logPrompt.count) }
            if penalty.count != data.penaltyPairs.count {
                penalty = Array(repeating: 0, count: data.penaltyPairs.count)
                penaltyComputedFor = nil
            }
        }
    }
}
