import ContextScaling
import Foundation

/// What a score-against-prompt-length plot shows, independent of how it is drawn: the law's
/// curves, the observations that belong to them, the context limits, and any planning answer.
public struct PlotData: Sendable {
    public struct Series: Sendable {
        public var label: CurveLabel
        public var flops: Double
        public var nCtx: Double
        /// (prompt tokens, score), increasing in tokens.
        public var points: [(x: Double, y: Double)]
    }

    public struct Point: Sendable {
        public var x: Double
        public var y: Double
        /// The curve the observation belongs to.
        public var series: Int
        /// Over the Sec. 4.2 hold-out threshold (10,000 tokens).
        public var heldOut: Bool
    }

    /// A point a planning answer marks (`PlotMark`).
    public struct Mark: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// compute-for's target score, reached at `flops`.
            case target(score: Double, flops: Double)
            /// shots' knee and best prompt.
            case knee(promptTokens: Double)
            case best(promptTokens: Double)
            /// extend's prompt at the recommended limit.
            case prompt(contextLimit: Double)
        }

        public var x: Double
        public var y: Double
        public var kind: Kind

        public init(x: Double, y: Double, kind: Kind) {
            self.x = x
            self.y = y
            self.kind = kind
        }
    }

    public var title: PlotTitle
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var series: [Series]
    public var observations: [Point]
    /// Context limits, drawn as vertical rules.
    public var limits: [Double]
    public var marks: [Mark]
    /// Where a curve's compute or limit lies outside what the task's fit saw.
    public var notes: [PlanningNote]
}

/// What a plot is titled; the program words it.
public enum PlotTitle: Sendable, Equatable {
    /// The task's predicted metric against prompt length.
    case scoreAgainstPrompt(task: String, metric: String)
    /// The task's predicted metric over compute and prompt length at one context limit.
    case heatmap(task: String, metric: String, nCtx: Double)
    /// A title the caller has worded (the paper's figures).
    case given(String)
}

/// What a curve is, for its legend entry; the program words it.
public enum CurveLabel: Sendable, Equatable {
    /// A model preset at its own limit, by its name.
    case model(String)
    /// A model preset extended to a limit above its own.
    case extendedModel(base: String, nCtx: Double)
    /// A compute level the user asked for, at a limit.
    case computeLevel(flops: Double, nCtx: Double)
    /// The compute a planning answer found (compute-for, shots), at its limit.
    case answerCompute(flops: Double, nCtx: Double)
    /// The limit extend recommends.
    case recommendedLimit(nCtx: Double)
}

/// A curve to draw: a compute level at a context limit.
public struct CurveRequest: Sendable {
    public var label: CurveLabel
    public var flops: Double
    public var nCtx: Double
    /// The limit the model was pre-trained with, for a model extended past it (the decay law
    /// scores it lower); nil otherwise.
    public var nativeNCtx: Double?

    public init(label: CurveLabel, flops: Double, nCtx: Double, nativeNCtx: Double? = nil) {
        self.label = label
        self.flops = flops
        self.nCtx = nCtx
        self.nativeNCtx = nativeNCtx
    }
}

extension Planner {
    /// The curves for models and compute levels at limits. A model without a limit is drawn at
    /// its own; a model with limits, extended to each; a compute level needs limits.
    public func curves(models: [String], computes: [Double], limits: [Double]) throws -> [CurveRequest] {
        var requests: [CurveRequest] = []
        for name in models {
            for limit in limits.isEmpty ? [nil] : limits.map(Optional.some) {
                let m = try library.resolve(model: name, nCtx: limit)
                let label: CurveLabel =
                    m.extendedFrom == nil ? .model(m.name) : .extendedModel(base: m.name, nCtx: m.nCtx)
                requests.append(CurveRequest(label: label, flops: m.flops, nCtx: m.nCtx, nativeNCtx: m.nativeNCtx))
            }
        }
        if !computes.isEmpty && limits.isEmpty {
            throw PlotError.computeNeedsContextLimit
        }
        for c in computes {
            for limit in limits {
                requests.append(CurveRequest(label: .computeLevel(flops: c, nCtx: limit), flops: c, nCtx: limit))
            }
        }
        return requests
    }

    /// Curves of `law` sampled on a log axis, with every bundled observation of the task that
    /// matches a curve's compute and limit.
    public func plotData(
        task: TaskPreset, law: ContextScalingLaw? = nil, curves: [CurveRequest], from: Double? = nil,
        upto: Double? = nil,
        holdoutAbove: Double = 10_000, title: String? = nil
    ) throws -> PlotData {
        guard !curves.isEmpty else { throw PlotError.nothingToPlot }
        let law = law ?? task.law
        // A task without token lengths starts at the shortest prompt its fit saw.
        let low = from ?? task.tokenLengths?.promptTokens(shots: 1) ?? task.fitRange?.nPmtMin ?? 1
        let high = upto ?? 2 * (curves.map(\.nCtx).max() ?? 8192)
        guard low < high else {
            throw PlotError.emptyPromptRange(
                low: low, lowIsDefault: from == nil, high: high, highIsDefault: upto == nil)
        }
        let limits = Array(Set(curves.map(\.nCtx))).sorted()
        let series = curves.map { c -> PlotData.Series in
            // A log grid, plus points on both sides of each limit: the penalty falls from 1 to 0
            // within a few dozen tokens, which a plain grid would step over.
            var xs = (0...400).map { low * pow(high / low, Double($0) / 400) }
            for limit in limits where limit > low && limit < high {
                xs += [limit - 64, limit - 8, limit, limit + 8, limit + 64].filter { $0 > low && $0 < high }
            }
            xs.sort()
            let curveLaw = law.forModel(nativeLimit: c.nativeNCtx)
            return PlotData.Series(
                label: c.label, flops: c.flops, nCtx: c.nCtx,
                points: xs.map { ($0, curveLaw.score(flops: c.flops, promptTokens: $0, contextLimit: c.nCtx)) })
        }
        var points: [PlotData.Point] = []
        for observation in library.observations where observation.task?.lowercased() == task.name.lowercased() {
            guard observation.nPmt >= low, observation.nPmt <= high,
                let index = curves.firstIndex(where: {
                    abs($0.flops - observation.flops) <= 1e-6 * $0.flops && $0.nCtx == observation.nCtx
                })
            else { continue }
            points.append(
                PlotData.Point(
                    x: observation.nPmt, y: observation.metric, series: index, heldOut: observation.nPmt > holdoutAbove)
            )
        }
        let top = max(series.flatMap { $0.points.map(\.y) }.max() ?? 0, points.map(\.y).max() ?? 0)
        return PlotData(
            title: title.map(PlotTitle.given) ?? .scoreAgainstPrompt(task: task.name, metric: task.metric),
            xRange: low...high, yRange: 0...Planner.niceCeiling(top), series: series, observations: points,
            limits: limits.filter { $0 >= low && $0 <= high }, marks: [], notes: extrapolationNotes(task, curves))
    }

    /// The extrapolation notes of every curve, each said once (two curves at one compute share it).
    private func extrapolationNotes(_ task: TaskPreset, _ curves: [CurveRequest]) -> [PlanningNote] {
        var notes: [PlanningNote] = []
        for curve in curves {
            let curveNotes = Extrapolation.notes(task: task, flops: curve.flops, nCtx: curve.nCtx)
            for note in curveNotes where !notes.contains(note) { notes.append(note) }
        }
        return notes
    }

    /// Round steps for score axes, finest first.
    static let scoreSteps = [0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5]

    /// The tick step of a score axis spanning `span`: the first round step that needs at most
    /// six steps.
    public static func scoreStep(_ span: Double) -> Double {
        scoreSteps.first { span / $0 <= 6 + 1e-9 } ?? 1
    }

    /// A round upper end for a score axis, on a tick: 0.2 for 0.16, 0.8 for 0.632, 1 for 0.999.
    /// Never below one step: a law whose scores all lie under 1e-9 would otherwise round to a
    /// ceiling of 0, an axis of no height, and a plot that divides by it.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let step = scoreSteps.first { (value / $0 - 1e-9).rounded(.up) <= 6 } ?? 1
        return min(1, max(1, (value / step - 1e-9).rounded(.up)) * step)
    }
}

/// The predicted score over compute and prompt length at one limit, for seeing how far an
/// answer reaches outside the fitted region.
public struct HeatmapData: Sendable {
    public var title: PlotTitle
    public var computes: [Double]
    public var prompts: [Double]
    /// scores[i][j] at computes[i], prompts[j].
    public var scores: [[Double]]
    public var fitRange: FitRange?
    public var nCtx: Double
}

extension Planner {
    /// The grid spans prompts from the zero-shot prompt to twice the limit, and compute from a
    /// hundredth of the fit's smallest to a hundred times its largest. At least two rows and two
    /// columns, so that each axis has a range.
    public func heatmap(task: TaskPreset, nCtx: Double, columns: Int = 60, rows: Int = 20) throws -> HeatmapData {
        let nLow = task.tokenLengths?.baseTokens ?? task.fitRange?.nPmtMin ?? 1
        let nHigh = 2 * nCtx
        // Below the zero-shot prompt every prompt is cut by the limit: there is no axis to draw.
        guard nCtx >= nLow else {
            throw PlotError.limitBelowZeroShotPrompt(limit: nCtx, task: task.name, zeroShotTokens: nLow)
        }
        let range = task.fitRange
        let cLow = (range?.computeMin ?? 1e22) / 100
        let cHigh = (range?.computeMax ?? 1e23) * 100
        let rows = max(2, rows)
        let columns = max(2, columns)
        let computes = (0..<rows).map { cLow * pow(cHigh / cLow, Double($0) / Double(rows - 1)) }
        let prompts = (0..<columns).map { nLow * pow(nHigh / nLow, Double($0) / Double(columns - 1)) }
        let scores = computes.map { c in prompts.map { task.law.score(flops: c, promptTokens: $0, contextLimit: nCtx) }
        }
        return HeatmapData(
            title: .heatmap(task: task.name, metric: task.metric, nCtx: nCtx),
            computes: computes, prompts: prompts, scores: scores, fitRange: range, nCtx: nCtx)
    }
}
