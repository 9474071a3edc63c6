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
    /// The model's parameters N, where known (C = 6ND gives D): the ladder form sees N and D
    /// apart, the others C alone.
    public var params: Double?
    /// How many identical observations the record stands for (a file's repeated per-instance
    /// rows read as one): its weight in every sum.
    public var count: Double

    public init(
        flops: Double, nPmt: Double, nCtx: Double, metric: Double, nativeLimit: Double? = nil, params: Double? = nil,
        count: Double = 1
    ) {
        self.flops = flops
        self.nPmt = nPmt
        self.nCtx = nCtx
        self.metric = metric
        self.nativeLimit = nativeLimit
        self.params = params
        self.count = count
    }

    /// Where the record lies on the compute axis.
    var computePoint: ComputePoint {
        ComputePoint(logFlops: log(flops), split: params.map(ComputeSplit.params) ?? .unspecified)
    }
}

/// Records compiled for fast evaluation of a law's residuals.
///
/// The law predicts one score per distinct (compute, prompt, limit, native limit), so the records are
/// kept as groups with their counts and mean scores: the sum of squares over the records is
///
///     sum over records (p_g - y)^2 = sum over groups n_g (p_g - mean_g)^2 + sum over records (y - mean_g)^2,
///
/// the last term the same for every law, so the fit minimises the first: its work grows with the
/// groups, not the records, and a million per-instance 0/1 scores over a few hundred groups fit
/// as fast as the few hundred means (and to the same law). Within the groups, the compute and
/// context factors are computed once per distinct value and the penalty (with any extension
/// factor) once per distinct (prompt, limit, native limit).
struct CompiledRecords {
    let records: [FitRecord]
    /// For each record, its group.
    let groupOfRecord: [Int32]
    /// Per group: how many records it holds, their mean score, and the square root of the count
    /// (a least-squares residual weighted by it squares to the count times the squared error).
    let counts: [Double]
    let means: [Double]
    let rootCounts: [Double]
    let logCompute: [Double]  // distinct log C, one per distinct (C, N)
    let computePoints: [ComputePoint]
    let logPrompt: [Double]  // distinct log n_pmt
    let penaltyPairs: [(nPmt: Double, nCtx: Double, native: Double?)]
    /// Per group, its compute level, prompt length and (prompt, limit) pair.
    let computeIndex: [Int]
    let promptIndex: [Int]
    let pairIndex: [Int]

    /// A group's key, and with the fields it does not use at zero, the key of its compute level,
    /// prompt length or (prompt, limit) pair: one key type for all four, because the first
    /// dictionary of each Hashable type costs a search through every protocol conformance in
    /// the binary (about 50 microseconds).
    private struct Key: Hashable {
        var c = 0.0, n = 0.0, x = 0.0
        var native: Double?, params: Double?
    }

    init(_ records: [FitRecord]) {
        self.records = records
        var groupPosition: [Key: Int32] = [:]
        var groupKeys: [Key] = []
        var sums: [Double] = []
        var counts: [Double] = []
        var groupOfRecord = [Int32](repeating: 0, count: records.count)
        for (r, record) in records.enumerated() {
            let key = Key(
                c: record.flops, n: record.nPmt, x: record.nCtx, native: record.nativeLimit, params: record.params)
            let g: Int32
            if let known = groupPosition[key] {
                g = known
            } else {
                g = Int32(groupKeys.count)
                groupPosition[key] = g
                groupKeys.append(key)
                sums.append(0)
                counts.append(0)
            }
            groupOfRecord[r] = g
            sums[Int(g)] += record.metric * record.count
            counts[Int(g)] += record.count
        }
        self.groupOfRecord = groupOfRecord
        self.counts = counts
        means = zip(sums, counts).map { $0 / $1 }
        rootCounts = counts.map { $0.squareRoot() }
        func index(_ keys: [Key]) -> (distinct: [Key], index: [Int]) {
            var position: [Key: Int] = [:]
            var distinct: [Key] = []
            let idx = keys.map { key -> Int in
                if let p = position[key] { return p }
                position[key] = distinct.count
                distinct.append(key)
                return distinct.count - 1
            }
            return (distinct, idx)
        }
        let c = index(groupKeys.map { Key(c: $0.c, params: $0.params) })
        let n = index(groupKeys.map { Key(n: $0.n) })
        let p = index(groupKeys.map { Key(n: $0.n, x: $0.x, native: $0.native) })
        logCompute = c.distinct.map { log($0.c) }
        computePoints = c.distinct.map {
            ComputePoint(logFlops: log($0.c), split: $0.params.map(ComputeSplit.params) ?? .unspecified)
        }
        logPrompt = n.distinct.map { log($0.n) }
        penaltyPairs = p.distinct.map { ($0.n, $0.x, $0.native) }
        computeIndex = c.index
        promptIndex = n.index
        pairIndex = p.index
    }

    var groupCount: Int { counts.count }

    /// Predictions of `law` for every group, into `out`.
    func predict(_ law: ContextScalingLaw, into out: inout [Double], scratch: inout Scratch) {
        computeFactors(law, scratch: &scratch)
        if out.count != groupCount { out = [Double](repeating: 0, count: groupCount) }
        let floor = law.floor
        for g in 0..<groupCount {
            let product = scratch.compute[computeIndex[g]] * scratch.context[promptIndex[g]]
            out[g] = floor + (1 - floor) * product * scratch.penalty[pairIndex[g]]
        }
    }

    /// The least-squares residuals of `law` per group, sqrt(n_g) (p_g - mean_g): their sum of
    /// squares is the records' less the scatter about the group means.
    func weightedResiduals(_ law: ContextScalingLaw, predictions: inout [Double], scratch: inout Scratch) -> [Double] {
        predict(law, into: &predictions, scratch: &scratch)
        return (0..<groupCount).map { rootCounts[$0] * (predictions[$0] - means[$0]) }
    }

    /// Each record's count, in the records' order.
    var recordCounts: [Double] { records.map(\.count) }

    /// observed - predicted for every record, in the records' order.
    func recordResiduals(_ law: ContextScalingLaw) -> [Double] {
        var scratch = Scratch()
        var predictions: [Double] = []
        predict(law, into: &predictions, scratch: &scratch)
        return records.indices.map { records[$0].metric - predictions[Int(groupOfRecord[$0])] }
    }

    /// The count-weighted sum of squares of `law` over the groups, the records' less the scatter
    /// about the group means: the global search's objective, its hottest loop.
    func sse(_ law: ContextScalingLaw, scratch: inout Scratch) -> Double {
        computeFactors(law, scratch: &scratch)
        let floor = law.floor
        let above = 1 - floor
        var total = 0.0
        // Every array through a buffer pointer: tens of thousands of groups are summed for each
        // of the search's tens of thousands of trials, and the bounds checks would double it.
        scratch.compute.withUnsafeBufferPointer { compute in
            scratch.context.withUnsafeBufferPointer { context in
                scratch.penalty.withUnsafeBufferPointer { penalty in
                    computeIndex.withUnsafeBufferPointer { ci in
                        promptIndex.withUnsafeBufferPointer { pi in
                            pairIndex.withUnsafeBufferPointer { ki in
                                means.withUnsafeBufferPointer { mean in
                                    counts.withUnsafeBufferPointer { count in
                                        for g in 0..<count.count {
                                            let product = compute[ci[g]] * context[pi[g]] * penalty[ki[g]]
                                            let d = floor + above * product - mean[g]
                                            total += count[g] * d * d
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return total.isFinite ? total : .infinity
    }

    /// The factors at every distinct compute level, prompt length and (prompt, limit) pair.
    private func computeFactors(_ law: ContextScalingLaw, scratch: inout Scratch) {
        scratch.prepare(self)
        let form = law.form.base
        let values = law.values
        // The fit's hottest loop: the form fills the buffers at once (Eq. (1)'s forms take the
        // parameters' logarithms once per evaluation, not once per value).
        form.computeFactors(values, at: computePoints, into: &scratch.compute)
        form.contextFactors(values, logPromptTokens: logPrompt, into: &scratch.context)
        // Most penalties have few parameters or none: their values are computed again only
        // when those change, once per fit for the paper's. The check allocates nothing.
        let formID = ObjectIdentifier(type(of: form))
        if scratch.penaltyForm != formID {
            scratch.penaltyForm = formID
            scratch.penaltyIndices = form.penaltyParameterIndices
            scratch.penaltyValues = nil
        }
        let unchanged =
            scratch.penaltyValues.map { stored in
                scratch.penaltyIndices.indices.allSatisfy { stored[$0] == values[scratch.penaltyIndices[$0]] }
            } ?? false
        if !unchanged {
            for i in penaltyPairs.indices {
                let (nPmt, nCtx, native) = penaltyPairs[i]
                scratch.penalty[i] = exp(
                    form.logPenalty(values, promptTokens: nPmt, contextLimit: nCtx, nativeLimit: native))
            }
            scratch.penaltyValues = scratch.penaltyIndices.map { values[$0] }
        }
    }

    /// Reusable buffers, one per thread.
    struct Scratch {
        var compute: [Double] = []
        var context: [Double] = []
        var penalty: [Double] = []
        /// The form and the values of its penalty's parameters the penalty was computed for.
        var penaltyForm: ObjectIdentifier?
        var penaltyIndices: [Int] = []
        var penaltyValues: [Double]?

        mutating func prepare(_ data: CompiledRecords) {
            if compute.count != data.logCompute.count { compute = Array(repeating: 0, count: data.logCompute.count) }
            if context.count != data.logPrompt.count { context = Array(repeating: 0, count: data.logPrompt.count) }
            if penalty.count != data.penaltyPairs.count {
                penalty = Array(repeating: 0, count: data.penaltyPairs.count)
                penaltyValues = nil
            }
        }
    }
}
