import ContextScaling
import Foundation

/// The ranges a preset's numbers must lie in. Anything outside would make the law or the
/// compute accounting meaningless (a token count below one, an exponent of 1e300) or overflow
/// (6 x N x D beyond a double), so a preset file holding one is reported and skipped.
enum PresetCheck {
    static let promptTokens = AcceptedRange(lower: 1, upper: Quantities.Kind.contextTokens.maximum, unit: .tokens)
    static let contextLimit = AcceptedRange(
        lower: 1, upper: Quantities.Kind.contextTokens.maximum, whole: true, unit: .tokens)
    static let flops = AcceptedRange(lower: 1, upper: Quantities.Kind.count.maximum, unit: .flops)
    static let parameters = AcceptedRange(
        lower: 1, upper: Quantities.Kind.count.maximum, whole: true, unit: .parameters)
    static let tokens = AcceptedRange(lower: 1, upper: Quantities.Kind.count.maximum, whole: true, unit: .tokens)
    static let extensionTokens = AcceptedRange(
        lower: 0, upper: Quantities.Kind.count.maximum, whole: true, unit: .tokens)
    static let layers = AcceptedRange(lower: 1, upper: 1e6, whole: true, unit: .layers)
    static let width = AcceptedRange(lower: 1, upper: 1e8, whole: true, unit: .dimensions)
    static let normsPerLayer = AcceptedRange(lower: 0, upper: 16, whole: true, unit: .dimensions)
    static let positions = AcceptedRange(lower: 0, upper: 1e8, whole: true, unit: .dimensions)
    static let error = AcceptedRange(lower: 0, upper: 1, unit: .scoreDifference)
    /// Decades of compute per decade past the data (`ExtrapolationError`): 10 is an error ten
    /// times the distance, past anything a forward backtest that fits has measured.
    static let extrapolationGrowth = AcceptedRange(
        lower: 0, upper: 10, unit: .lawParameter("decades of compute per decade past the data"))
    /// Observed minus fitted score: both in [0, 1].
    static let residual = AcceptedRange(lower: -1, upper: 1, unit: .scoreDifference)
    /// From a microcontroller to far past any accelerator built.
    static let flopsPerSecond = AcceptedRange(lower: 1e9, upper: 1e21, unit: .flopsPerSecond)

    /// Throws the field, its value and the accepted range when the value is outside it. The
    /// field's name is built only then: a task's 400 draws check 2,400 values.
    static func require(_ field: @autoclosure () -> String, _ value: Double, in range: AcceptedRange) throws {
        guard !range.contains(value) else { return }
        throw PresetFileProblem.outOfRange(field: field(), value: value, accepted: range)
    }

    static func requireName(_ name: String) throws {
        guard !name.trimmingWhitespace.isEmpty else { throw PresetFileProblem.emptyName }
    }
}

extension TaskPresetFile {
    /// Every number a task preset holds, against its range.
    func validate() throws {
        try PresetCheck.requireName(name)
        if let prompt {
            try PresetCheck.require("prompt.base_tokens", prompt.baseTokens, in: PresetCheck.promptTokens)
            try PresetCheck.require("prompt.shot_tokens", prompt.shotTokens, in: PresetCheck.promptTokens)
        }
        if let r = fitRange {
            let pairs: [(String, Double, Double, AcceptedRange)] = [
                ("compute", r.computeMin, r.computeMax, PresetCheck.flops),
                ("n_ctx", r.nCtxMin, r.nCtxMax, PresetCheck.promptTokens),
                ("n_pmt", r.nPmtMin, r.nPmtMax, PresetCheck.promptTokens),
            ]
            for (name, low, high, range) in pairs {
                try PresetCheck.require("fit_range.\(name)_min", low, in: range)
                try PresetCheck.require("fit_range.\(name)_max", high, in: range)
                guard low <= high else { throw PresetFileProblem.minAboveMax(quantity: name, min: low, max: high) }
            }
        }
        if let floor { try PresetCheck.require("floor", floor, in: AcceptedRange(LawParameter.floor)) }
        if let e = extrapolationPerDecade {
            try PresetCheck.require("extrapolation_sd_per_decade", e, in: PresetCheck.extrapolationGrowth)
        }
        if let e = paperErrors {
            try PresetCheck.require("paper_errors.mae", e.mae, in: PresetCheck.error)
            try PresetCheck.require("paper_errors.heldout_mae", e.heldoutMAE, in: PresetCheck.error)
        }
    }
}

extension AcceptedRange {
    /// A law parameter's Table 3 interval, open below: the laws the planner trusts.
    init(_ parameter: LawParameter) {
        self.init(
            lower: parameter.lower, upper: parameter.upper, openBelow: !parameter.includesLower,
            unit: .lawParameter(parameter.unit))
    }
}

extension ModelPreset {
    /// Every count a model preset holds, and the compute they make, against their ranges.
    func validate() throws {
        try PresetCheck.requireName(name)
        let counts: [(String, Double?, AcceptedRange)] = [
            ("non_embedding_params", nonEmbeddingParams, PresetCheck.parameters),
            ("pretrain_tokens", pretrainTokens, PresetCheck.tokens),
            ("extension_tokens", extensionTokens, PresetCheck.extensionTokens),
            ("n_ctx", nCtx, PresetCheck.contextLimit), ("compute_paper", computePaper, PresetCheck.flops),
            ("n_layers", nLayers, PresetCheck.layers), ("d_model", dModel, PresetCheck.width),
            ("d_attn", dAttn, PresetCheck.width),
            ("published_total_params", publishedTotalParams, PresetCheck.parameters),
            ("published_active_params", publishedActiveParams, PresetCheck.parameters),
            ("published_non_embedding_params", publishedNonEmbeddingParams, PresetCheck.parameters),
        ]
        for (field, value, range) in counts {
            if let value { try PresetCheck.require(field, value, in: range) }
        }
        if let architecture { try architecture.validate() }
        // Without published tokens there is no compute to check until the user gives them.
        let tokens = (pretrainTokens ?? 1) + extensionTokens
        if let n = countedParams {
            // Each factor is in range, yet their product can still pass the largest count.
            let flops = ComputeAccounting.trainingFlops(parameters: n, tokens: tokens)
            guard PresetCheck.flops.contains(flops) else {
                throw PresetFileProblem.computeOutOfRange(flops: flops, accepted: PresetCheck.flops)
            }
        } else if let compute = computePaper {
            guard pretrainTokens != nil else { throw PresetFileProblem.missingField("pretrain_tokens") }
            let derived = compute / (6 * tokens)
            guard derived >= 1 else { throw PresetFileProblem.fewerThanOneParameter(compute: compute, tokens: tokens) }
        } else {
            throw PresetFileProblem.noParameterCount
        }
    }
}

extension TransformerArchitecture {
    /// Every dimension whole and in range, the experts consistent: the counts it makes are then
    /// finite and positive.
    func validate() throws {
        let widths: [(String, Double, AcceptedRange)] = [
            ("architecture.hidden_size", hiddenSize, PresetCheck.width),
            ("architecture.layers", layers, PresetCheck.layers),
            ("architecture.heads", heads, PresetCheck.width),
            ("architecture.kv_heads", kvHeads, PresetCheck.width),
            ("architecture.head_dim", headDim, PresetCheck.width),
            ("architecture.intermediate_size", intermediateSize, PresetCheck.width),
            ("architecture.vocab_size", vocabSize, PresetCheck.width),
            ("architecture.norms_per_layer", normsPerLayer, PresetCheck.normsPerLayer),
            ("architecture.position_embeddings", positionEmbeddings, PresetCheck.positions),
        ]
        for (field, value, range) in widths { try PresetCheck.require(field, value, in: range) }
        if let embeddingWidth { try PresetCheck.require("architecture.embedding_width", embeddingWidth, in: PresetCheck.width) }
        if let experts {
            try PresetCheck.require("architecture.experts", experts, in: PresetCheck.width)
            let perToken = expertsPerToken ?? experts
            try PresetCheck.require(
                "architecture.experts_per_token", perToken,
                in: AcceptedRange(lower: 1, upper: experts, whole: true, unit: .dimensions))
        } else if expertsPerToken != nil {
            throw PresetFileProblem.missingField("architecture.experts")
        }
    }
}

extension HardwarePreset {
    func validate() throws {
        try PresetCheck.requireName(name)
        try PresetCheck.require("bf16_dense_flops_per_second", peakFlopsPerSecond, in: PresetCheck.flopsPerSecond)
    }
}
