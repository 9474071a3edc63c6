import ContextScaling

/// A planning answer as a following `plot` marks it on its curve: what `shots`, `compute-for`
/// and `extend` produce, and the REPL remembers as its last answer.
public enum PlotMark: Sendable, Equatable {
    case computeFor(task: String, flops: Double, nPmt: Double, nCtx: Double, target: Double)
    case shots(task: String, flops: Double, nCtx: Double, knee: Double, best: Double)
    case extend(task: String, flops: Double, nPmt: Double, nCtx: Double)

    /// The task whose law the answer used: a plot of another task does not mark it.
    public var task: String {
        switch self {
        case .computeFor(let t, _, _, _, _), .shots(let t, _, _, _, _), .extend(let t, _, _, _): return t
        }
    }
}

extension ShotsAnswer {
    /// The knee and the best prompt, on this answer's curve.
    public var plotMark: PlotMark {
        .shots(
            task: scenario.task.name, flops: scenario.flops, nCtx: scenario.nCtx, knee: knee.promptTokens,
            best: best.promptTokens)
    }
}

extension ComputeForAnswer {
    /// The target at the compute found; nil when no compute reaches it.
    public func plotMark(target: Double) -> PlotMark? {
        flops.map { .computeFor(task: task.name, flops: $0, nPmt: nPmt, nCtx: nCtx, target: target) }
    }
}

extension ExtendAnswer {
    /// The prompt at the recommended limit; nil when no limit is recommended.
    public var plotMark: PlotMark? {
        recommended.map { .extend(task: task.name, flops: options[$0].model.flops, nPmt: nPmt, nCtx: options[$0].nCtx) }
    }
}

extension Planner {
    /// The curve `mark`'s answer lies on, and the points it marks there, under `law`.
    public static func marked(_ mark: PlotMark, law: ContextScalingLaw) -> (CurveRequest, [PlotData.Mark]) {
        func onCurve(_ flops: Double, _ nPmt: Double, _ nCtx: Double, _ kind: PlotData.Mark.Kind) -> PlotData.Mark {
            PlotData.Mark(x: nPmt, y: law.score(flops: flops, promptTokens: nPmt, contextLimit: nCtx), kind: kind)
        }
        switch mark {
        case .computeFor(_, let flops, let nPmt, let nCtx, let target):
            return (
                CurveRequest(label: .answerCompute(flops: flops, nCtx: nCtx), flops: flops, nCtx: nCtx),
                [PlotData.Mark(x: nPmt, y: target, kind: .target(score: target, flops: flops))]
            )
        case .shots(_, let flops, let nCtx, let knee, let best):
            return (
                CurveRequest(label: .answerCompute(flops: flops, nCtx: nCtx), flops: flops, nCtx: nCtx),
                [
                    onCurve(flops, knee, nCtx, .knee(promptTokens: knee)),
                    onCurve(flops, best, nCtx, .best(promptTokens: best)),
                ]
            )
        case .extend(_, let flops, let nPmt, let nCtx):
            return (
                CurveRequest(label: .recommendedLimit(nCtx: nCtx), flops: flops, nCtx: nCtx),
                [onCurve(flops, nPmt, nCtx, .prompt(contextLimit: nCtx))]
            )
        }
    }

    /// What `plot` draws: `curves`, plus the curve and marks of `mark` (an answer about `task`,
    /// else ignored); with neither, Figure 2's pair, Llama-2-7B and 13B, at `limits` or 8k.
    public func plot(
        task: TaskPreset, curves: [CurveRequest], limits: [Double], marking mark: PlotMark?,
        from: Double? = nil, upto: Double? = nil
    ) throws -> PlotData {
        var curves = curves
        var marks: [PlotData.Mark] = []
        if let mark, mark.task == task.name {
            let (curve, answerMarks) = Planner.marked(mark, law: task.law)
            let drawn = curves.contains { abs($0.flops - curve.flops) <= 1e-9 * curve.flops && $0.nCtx == curve.nCtx }
            if !drawn { curves.append(curve) }
            marks = answerMarks
        }
        if curves.isEmpty {
            curves = try self.curves(
                models: ["Llama-2-7B", "Llama-2-13B"], computes: [], limits: limits.isEmpty ? [8192] : limits)
        }
        var data = try plotData(task: task, curves: curves, from: from, upto: upto)
        data.marks = marks.filter { data.xRange.contains($0.x) }
        return data
    }
}
