import ContextScaling

/// Which context limit to extend a model to, and what each candidate costs.
public struct ExtendAnswer: Sendable {
    public struct Option: Sendable {
        public var model: ResolvedModel
        public var extensionTokens: Double
        /// 6 N x extension tokens (or with attention counted, when asked to count it).
        public var extensionFlops: Double
        /// The Kaplan et al. count, when the model's shape is known.
        public var extensionFlopsWithAttention: Double?
        public var score: Double
        /// The score's interval, when asked for and the task has draws.
        public var interval: Interval?
        /// Whether the prompt plus the reserve fits this limit.
        public var fits: Bool
        public var budget: Budget?
        /// Why this option is not the recommendation (nil for the recommendation).
        public var verdict: ExtendVerdict?
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
    /// How `extensionFlopsWithAttention` counts attention.
    public var attentionCounting: AttentionCounting
    public var notes: [PlanningNote]
    /// Fewer shots that fit the model's own limit with no extension, and whether they score the
    /// same (then they are the recommendation over extending).
    public var alternative: ShotsAlternative? = nil
}

/// Why a candidate limit is not the recommended one.
public enum ExtendVerdict: Sendable, Equatable {
    /// The prompt is longer than the limit: the penalty binds.
    case promptOverLimit(tokensOver: Double)
    /// The prompt fits, but not with the reserve.
    case reserveDoesNotFit(reserve: Double)
    case belowTarget(score: Double)
    /// A shorter limit than the recommendation, scoring less.
    case shortOfRecommendation(score: Double)
    /// A longer limit than the recommendation that scores about the same and costs more:
    /// `costRatio` of its extension FLOPs, nil when the recommendation's cost nothing.
    case noGainForCost(gain: Double, costRatio: Double?)
    /// Scores this, with nothing recommended to compare it with.
    case scores(Double)

    public var code: String {
        switch self {
        case .promptOverLimit: "prompt_over_limit"
        case .reserveDoesNotFit: "reserve_does_not_fit"
        case .belowTarget: "below_target"
        case .shortOfRecommendation: "short_of_recommendation"
        case .noGainForCost: "no_gain_for_cost"
        case .scores: "scores"
        }
    }
}

extension Planner {
    public func extend(
        model: String, task taskName: String, prompt: PromptInput, candidates: [Double]? = nil,
        target: Double? = nil, within: Double = 0.01, reserve: Double? = nil,
        recipe: ExtensionRecipe = .paper, plan: HardwarePlan? = nil, countAttention: Bool = false,
        attentionCounting: AttentionCounting = .causal,
        interval request: IntervalRequest? = nil
    ) throws -> ExtendAnswer {
        if let target { try Planner.checkTarget(target) }
        guard within >= 0, within < 1 else { throw PlannerError.toleranceOutOfRange(within) }
        let task = try library.task(taskName)
        let preset = try library.model(model)
        let base = try library.resolve(model: library.baseModel(of: preset).name)
        let (nPmt, shots) = try Planner.prompt(prompt, task: task)
        var limits = candidates ?? Planner.doublings(from: base.nCtx, upTo: 131_072)
        limits = Array(Set(limits)).sorted()
        if let low = limits.first(where: { $0 < base.nCtx }) {
            throw PlannerError.candidateBelowNative(limit: low, model: base.name, native: base.nCtx)
        }
        var options: [ExtendAnswer.Option] = try limits.map { limit in
            let m = try library.resolve(model: base.name, nCtx: limit, recipe: recipe)
            let withAttention = m.extensionFlops(counting: attentionCounting)
            let flops = countAttention ? (withAttention ?? m.extensionFlops) : m.extensionFlops
            let score = task.law.forModel(nativeLimit: m.nativeNCtx).score(
                flops: m.flops, promptTokens: nPmt, contextLimit: limit)
            return ExtendAnswer.Option(
                model: m, extensionTokens: m.extensionTokens, extensionFlops: flops,
                extensionFlopsWithAttention: withAttention,
                score: score,
                interval: request.flatMap {
                    Planner.scoreInterval(
                        $0, task: task, flops: m.flops, nPmt: nPmt, nCtx: limit, nativeLimit: m.nativeNCtx,
                        containing: score)
                },
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
            options[i].verdict = Planner.verdict(
                options[i], against: recommended.map { options[$0] }, target: target, nPmt: nPmt, reserve: reserve)
        }
        var notes = Extrapolation.notes(task: task, nPmt: nPmt)
        if let r = recommended {
            notes += Extrapolation.notes(task: task, flops: options[r].model.flops, nCtx: options[r].nCtx)
            notes += headroomNotes(options[r], family: base.name, nPmt: nPmt, reserve: reserve)
        } else if let target {
            let best = feasible.max { options[$0].score < options[$1].score }
            notes.append(
                .noCandidateReachesTarget(
                    target: target, bestLimit: best.map { options[$0].nCtx }, bestScore: best.map { options[$0].score })
            )
        } else {
            notes.append(.noCandidateFits(withReserve: reserve != nil))
        }
        // Said of the recommendation only, and only when it does not count attention already.
        if let r = recommended, !countAttention,
            let note = AttentionShare.note(
                sixND: options[r].extensionFlops, withAttention: options[r].extensionFlopsWithAttention,
                limit: options[r].nCtx, counted: false, counting: attentionCounting)
        {
            notes.append(note)
        }
        if countAttention, plan != nil { notes.append(.mfuConvention(attentionCounting)) }
        let alternative = Planner.fewerShots(
            than: shots, task: task, base: base, reserve: reserve, recommended: recommended.map { options[$0] },
            target: target, within: within)
        return ExtendAnswer(
            task: task, base: base, nPmt: nPmt, shots: shots, options: options, recommended: recommended,
            target: target, within: within, reserve: reserve, attentionCounting: attentionCounting, notes: notes,
            alternative: alternative)
    }

    static func doublings(from start: Double, upTo end: Double) -> [Double] {
        // A limit of zero would double forever.
        guard start > 0 else { return [] }
        var limits: [Double] = []
        var limit = start
        while limit <= end {
            limits.append(limit)
            limit *= 2
        }
        return limits
    }

    static func verdict(
        _ o: ExtendAnswer.Option, against chosen: ExtendAnswer.Option?, target: Double?, nPmt: Double, reserve: Double?
    ) -> ExtendVerdict {
        if !o.fits {
            if nPmt > o.nCtx { return .promptOverLimit(tokensOver: nPmt - o.nCtx) }
            return .reserveDoesNotFit(reserve: reserve ?? 0)
        }
        if let target, o.score < target { return .belowTarget(score: o.score) }
        guard let chosen else { return .scores(o.score) }
        if o.nCtx < chosen.nCtx { return .shortOfRecommendation(score: o.score) }
        let costRatio = chosen.extensionFlops > 0 ? o.extensionFlops / chosen.extensionFlops : nil
        return .noGainForCost(gain: o.score - chosen.score, costRatio: costRatio)
    }

    /// The paper's checkpoints scored worse close to their new limit (Table 2): say so, with the
    /// bundled RULER numbers, when an extended limit is recommended and the prompt leaves little
    /// room. A native limit is no extension: nothing to say.
    private func headroomNotes(
        _ option: ExtendAnswer.Option, family: String, nPmt: Double, reserve: Double?
    ) -> [PlanningNote] {
        guard option.model.extendedFrom != nil, reserve == nil || nPmt > option.nCtx / 2 else { return [] }
        // The same family's checkpoint at this limit, else any checkpoint at it.
        let atThisLimit = library.ruler.filter { $0.nCtx == option.nCtx }
        let family = atThisLimit.filter { $0.model.lowercased().contains(family.lowercased()) }
        let ruler = family.isEmpty ? atThisLimit.filter { $0.model == atThisLimit.first?.model } : family
        guard option.nCtx > 4096, let atLimit = ruler.first(where: { $0.nPmt == option.nCtx }),
            let at4k = ruler.first(where: { $0.nPmt == 4096 })
        else { return [.headroom(nil)] }
        return [
            .headroom(
                RulerDegradation(
                    model: atLimit.model, limit: option.nCtx, atLimit: atLimit.accuracy, at4k: at4k.accuracy))
        ]
    }
}

extension ExtendAnswer {
    /// Forward FLOPs of reading the prompt once at serving time (prefill, causal attention): the
    /// same at every limit, since extension keeps the weights' shape; nil when it is unknown.
    public var prefillFlops: Double? { base.prefillFlops(promptTokens: nPmt) }
}
