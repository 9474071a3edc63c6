import ContextScaling

/// Which context limit to extend a model to, and what each candidate costs.
public struct ExtendAnswer: Sendable {
    public struct Option: Sendable {
        public var model: ResolvedModel
        public var extensionTokens: Double
        /// 6 N x extension tokens (or with attention counted, under --attention).
        public var extensionFlops: Double
        /// The Kaplan et al. count, when the model's shape is known.
        public var extensionFlopsWithAttention: Double?
        public var score: Double
        /// Whether the prompt plus the reserve fits this limit.
        public var fits: Bool
        public var budget: Budget?
        /// Why this option is not the recommendation (nil for the recommendation).
        public var verdict: String?
        public var nCtx: Double { model.nCtx }
    }

    public var task: TaskPreset
    public var base: ResolvedModel
    public var nPmt: Double
    public var shots: Int?
    public var options: [Option]
    /// Index into `options`, nil when no option qualifies.
    public var recommended: Int?
    public var target: Double?
    public var within: Double
    public var reserve: Double?
    public var notes: [String]
}

extension Planner {
    public func extend(
        model: String, task taskName: String, prompt: PromptInput, candidates: [Double]? = nil,
        target: Double? = nil, within: Double = 0.01, reserve: Double? = nil,
        recipe: ExtensionRecipe = .paper, plan: HardwarePlan? = nil, countAttention: Bool = false
    ) throws -> ExtendAnswer {
        if let target { try Planner.checkTarget(target) }
        guard within >= 0, within < 1 else { throw InputError("--within \(within) is outside [0, 1); expected a fraction such as 0.01") }
        let task = try library.task(taskName)
        let preset = try library.model(model)
        let base = try library.resolve(model: library.baseModel(of: preset).name)
        let (nPmt, shots) = Planner.prompt(prompt, layout: task.layout)
        var limits = candidates ?? Planner.doublings(from: base.nCtx, upTo: 131_072)
        limits = Array(Set(limits)).sorted()
        if let low = limits.first(where: { $0 < base.nCtx }) {
            throw InputError("--to \(Quantities.formatContext(low)) is below \(base.name)'s native limit of \(Quantities.formatContext(base.nCtx)); expected limits of at least that")
        }
        var options: [ExtendAnswer.Option] = try limits.map { limit in
            let m = try library.resolve(model: base.name, nCtx: limit, recipe: recipe)
            let sixND = ComputeAccounting.trainingFlops(parameters: m.parameters, tokens: m.extensionTokens)
            var withAttention: Double?
            if let layers = m.layers, let width = m.attentionWidth {
                withAttention = m.extensionTokens * ComputeAccounting.flopsPerTokenWithAttention(
                    parameters: m.parameters, layers: layers, contextLimit: limit, attentionWidth: width)
            }
            let flops = countAttention ? (withAttention ?? sixND) : sixND
            return ExtendAnswer.Option(
                model: m, extensionTokens: m.extensionTokens, extensionFlops: flops,
                extensionFlopsWithAttention: withAttention,
                score: task.law.score(flops: m.flops, promptTokens: nPmt, contextLimit: limit),
                fits: nPmt + (reserve ?? 0) <= limit,
                budget: plan.map { Budget(flops: flops, plan: $0) }, verdict: nil)
        }
        let feasible = options.indices.filter { options[$0].fits }
        let bestScore = feasible.map { options[$0].score }.max()
        var recommended: Int?
        if let target {
            recommended = feasible.first { options[$0].score >= target }
        } else if let bestScore {
            recommended = feasible.first { options[$0].score >= bestScore * (1 - within) }
        }
        for i in options.indices where i != recommended {
            options[i].verdict = Planner.verdict(options[i], against: recommended.map { options[$0] }, target: target, nPmt: nPmt, reserve: reserve)
        }
        var notes = Extrapolation.notes(task: task, nPmt: nPmt)
        if let r = recommended {
            notes += Extrapolation.notes(task: task, flops: options[r].model.flops, nCtx: options[r].nCtx)
            notes += headroomNotes(options[r], family: base.name, nPmt: nPmt, reserve: reserve)
        } else if let target {
            let best = feasible.max { options[$0].score < options[$1].score }
            notes.append("no candidate reaches \(Quantities.formatScore(target))" + (best.map { "; the best is \(Quantities.formatContext(options[$0].nCtx)) at \(Quantities.formatScore(options[$0].score))" } ?? ""))
        } else {
            notes.append("no candidate limit fits the prompt\(reserve == nil ? "" : " and the reserve")")
        }
        if let r = recommended, let attention = options[r].extensionFlopsWithAttention, !countAttention,
            options[r].extensionFlops > 0, attention > 1.1 * options[r].extensionFlops
        {
            notes.append(String(format: "counting attention (Kaplan et al.), the extension to %@ takes %.1fx the 6ND FLOPs; --attention uses that count", Quantities.formatContext(options[r].nCtx), attention / options[r].extensionFlops))
        }
        return ExtendAnswer(task: task, base: base, nPmt: nPmt, shots: shots, options: options, recommended: recommended,
                            target: target, within: within, reserve: reserve, notes: notes)
    }

    static func doublings(from start: Double, upTo end: Double) -> [Double] {
        // A limit of zero would double forever.
        guard start > 0 else { return [] }
        var limits: [Double] = []
        var limit = start
        while limit <= end { limits.append(limit); limit *= 2 }
        return limits
    }

    static func verdict(_ o: ExtendAnswer.Option, against chosen: ExtendAnswer.Option?, target: Double?, nPmt: Double, reserve: Double?) -> String {
        if !o.fits {
            if nPmt > o.nCtx {
                return "the penalty binds: the prompt is \(Quantities.formatTokens(nPmt - o.nCtx)) tokens over the limit"
            }
            return "the prompt fits, but not with the \(Quantities.formatTokens(reserve ?? 0))-token reserve"
        }
        if let target, o.score < target { return "scores \(Quantities.formatScore(o.score)), below the target" }
        guard let chosen else { return "scores \(Quantities.formatScore(o.score))" }
        if o.nCtx < chosen.nCtx { return "scores \(Quantities.formatScore(o.score)), short of the recommendation" }
        let gain = o.score - chosen.score
        let costRatio = chosen.extensionFlops > 0 ? String(format: "%.1fx", o.extensionFlops / chosen.extensionFlops) : "more"
        return String(format: "no gain for the cost: %+.3f for %@ the extension FLOPs", gain, costRatio)
    }

    /// The paper's checkpoints scored worse close to their new limit (Table 2): say so with the
    /// bundled RULER numbers when the prompt leaves little room.
    private func headroomNotes(_ option: ExtendAnswer.Option, family: String, nPmt: Double, reserve: Double?) -> [String] {
        guard reserve == nil || nPmt > option.nCtx / 2 else { return [] }
        var note = "the paper's extended models scored worse near their new limit"
        // The same family's checkpoint at this limit, else any checkpoint at it.
        let atThisLimit = library.ruler.filter { $0.nCtx == option.nCtx }
        let family = atThisLimit.filter { $0.model.lowercased().contains(family.lowercased()) }
        let ruler = family.isEmpty ? atThisLimit.filter { $0.model == atThisLimit.first?.model } : family
        if let atLimit = ruler.first(where: { $0.nPmt == option.nCtx }), let at4k = ruler.first(where: { $0.nPmt == 4096 }), option.nCtx > 4096 {
            note += " (RULER, Table 2: \(atLimit.model) \(Quantities.formatScore(atLimit.accuracy)) at \(Quantities.formatContext(option.nCtx)) against \(Quantities.formatScore(at4k.accuracy)) at 4k)"
        }
        note += "; keep headroom for the answer's tokens with --reserve"
        return [note]
    }
}
