/// The last planning answer in this session, which a following `plot` marks on its curve.
enum PlotMark {
    case computeFor(task: String, flops: Double, nPmt: Double, nCtx: Double, target: Double)
    case shots(task: String, flops: Double, nCtx: Double, knee: Double, best: Double)
    case extend(task: String, flops: Double, nPmt: Double, nCtx: Double)

    var task: String {
        switch self {
        case .computeFor(let t, _, _, _, _), .shots(let t, _, _, _, _), .extend(let t, _, _, _): return t
        }
    }
}

enum PlotMemory {
    nonisolated(unsafe) static var last: PlotMark?

    static func remember(_ mark: PlotMark) { last = mark }
}
