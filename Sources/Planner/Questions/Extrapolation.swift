/// One input outside the fit's range, and by what factor.
public struct Extrapolation: Sendable, Equatable {
    public enum Quantity: String, Sendable { case compute, prompt, limit }
    public enum Side: String, Sendable { case above, below }

    public var quantity: Quantity
    public var value: Double
    /// The end of the fit's range the value lies past.
    public var bound: Double
    public var side: Side

    public init(quantity: Quantity, value: Double, bound: Double, side: Side) {
        self.quantity = quantity
        self.value = value
        self.bound = bound
        self.side = side
    }
    /// How many times past the bound: at least 1.
    public var factor: Double { side == .above ? value / bound : bound / value }
}

extension Extrapolation {
    /// One note per input outside the task's fit range, with the factor by which it is outside.
    public static func notes(
        task: TaskPreset, flops: Double? = nil, nPmt: Double? = nil, nCtx: Double? = nil
    ) -> [PlanningNote] {
        guard let range = task.fitRange else { return [] }
        var notes: [PlanningNote] = []
        func check(_ value: Double?, _ low: Double, _ high: Double, _ quantity: Quantity) {
            guard let value else { return }
            // A hair's tolerance: the paper's own rows sit exactly on the range's ends.
            if value > high * (1 + 1e-6) {
                notes.append(.extrapolation(Extrapolation(quantity: quantity, value: value, bound: high, side: .above)))
            } else if value < low * (1 - 1e-6) {
                notes.append(.extrapolation(Extrapolation(quantity: quantity, value: value, bound: low, side: .below)))
            }
        }
        check(flops, range.computeMin, range.computeMax, .compute)
        check(nPmt, range.nPmtMin, range.nPmtMax, .prompt)
        check(nCtx, range.nCtxMin, range.nCtxMax, .limit)
        return notes
    }
}
