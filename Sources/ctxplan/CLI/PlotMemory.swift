/// A planning answer as a following `plot` marks it on its curve (`Session.lastAnswer`).
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
