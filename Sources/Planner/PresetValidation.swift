import ContextScaling
import Foundation

/// The ranges a preset's numbers must lie in. Anything outside would make the law or the
/// compute accounting meaningless (a token count below one, an exponent of 1e300) or overflow
/// (6 x N x D beyond a double), so a preset file holding one is reported and skipped.
enum PresetCheck {
    /// An accepted interval; `openBelow` excludes the lower end (a positive parameter).
    struct Range {
        var lower: Double
        var upper: Double
        var openBelow = false
        /// The value must be a whole number (a count of layers or tokens).
        var whole = false
        /// What the value is, for the message ("tokens", "layers").
        var unit: String

        func contains(_ value: Double) -> Bool {
            value.isFinite && (openBelow ? value > lower : value >= lower) && value <= upper
                && (!whole || value == value.rounded())
        }

        var description: String {
            let low = Quantities.formatExact(lower)
            let high = Quantities.formatExact(upper)
            let interval = openBelow ? "(\(low), \(high)]" : "[\(low), \(high)]"
            return whole ? "a whole number of \(unit) in \(interval)" : "\(unit) in \(interval)"
        }
    }

    static let promptTokens = Range(lower: 1, upper: Quantities.Kind.contextTokens.maximum, unit: "tokens")
    static let contextLimit = Range(
        lower: 1, upper: Quantities.Kind.contextTokens.maximum, whole: true, unit: "tokens")
    static let flops = Range(lower: 1, upper: Quantities.Kind.count.maximum, unit: "FLOPs")
    static let parameters = Range(lower: 1, upper: Quantities.Kind.count.maximum, whole: true, unit: "parameters")
    static let tokens = Range(lower: 1, upper: Quantities.Kind.count.maximum, whole: true, unit: "tokens")
    static let extensionTokens = Range(lower: 0, upper: Quantities.Kind.count.maximum, whole: true, unit: "tokens")
    static let layers = Range(lower: 1, upper: 1e6, whole: true, unit: "layers")
    static let width = Range(lower: 1, upper: 1e8, whole: true, unit: "dimensions")
    static let error = Range(lower: 0, upper: 1, unit: "a score difference")
    /// Observed minus fitted score: both in [0, 1].
    static let residual = Range(lower: -1, upper: 1, unit: "a score difference")
    /// From a microcontroller to far past any accelerator built.
    static let flopsPerSecond = Range(lower: 1e9, upper: 1e21, unit: "FLOP/s")

    /// Throws a message naming the field, its value and the accepted range.
    static func require(_ field: String, _ value: Double, in range: Range) throws {
        guard !range.contains(value) else { return }
        throw InputError(
            "field '\(field)': \(Quantities.formatExact(value)) is outside the accepted range; "
                + "expected \(range.description)")
    }

    static func requireName(_ name: String) throws {
        guard !name.trimmingWhitespace.isEmpty else { throw InputError("field 'name': empty; expected a name") }
    }
}

extension TaskPresetFile {
    /// Every number a task preset holds, against its range.
    func validate() throws {
        try PresetCheck.requireName(name)
        try PresetCheck.require("prompt.base_tokens", prompt.baseTokens, in: PresetCheck.promptTokens)
        try PresetCheck.require("prompt.shot_tokens", prompt.shotTokens, in: PresetCheck.promptTokens)
        if let r = fitRange {
            let pairs: [(String, Double, Double, PresetCheck.Range)] = [
                ("compute", r.computeMin, r.computeMax, PresetCheck.flops),
                ("n_ctx", r.nCtxMin, r.nCtxMax, PresetCheck.promptTokens),
                ("n_pmt", r.nPmtMin, r.nPmtMax, PresetCheck.promptTokens),
            ]
            for (name, low, high, range) in pairs {
                try PresetCheck.require("fit_range.\(name)_min", low, in: range)
                try PresetCheck.require("fit_range.\(name)_max", high, in: range)
                guard low <= high else {
                    throw InputError(
                        "field 'fit_range.\(name)_min': \(Quantities.formatExact(low)) is above "
                            + "fit_range.\(name)_max \(Quantities.formatExact(high)); expected min <= max")
                }
            }
        }
        if let floor { try PresetCheck.require("floor", floor, in: PresetCheck.Range(LawParameter.floor)) }
        if let e = paperErrors {
            try PresetCheck.require("paper_errors.mae", e.mae, in: PresetCheck.error)
            try PresetCheck.require("paper_errors.heldout_mae", e.heldoutMAE, in: PresetCheck.error)
        }
    }
}

extension PresetCheck.Range {
    /// A law parameter's Table 3 interval, open below: the laws the planner trusts.
    init(_ parameter: LawParameter) {
        self.init(lower: parameter.lower, upper: parameter.upper, openBelow: true, unit: parameter.unit)
    }
}

extension ModelPreset {
    /// Every count a model preset holds, and the compute they make, against their ranges.
    func validate() throws {
        try PresetCheck.requireName(name)
        let counts: [(String, Double?, PresetCheck.Range)] = [
            ("non_embedding_params", nonEmbeddingParams, PresetCheck.parameters),
            ("pretrain_tokens", pretrainTokens, PresetCheck.tokens),
            ("extension_tokens", extensionTokens, PresetCheck.extensionTokens),
            ("n_ctx", nCtx, PresetCheck.contextLimit), ("compute_paper", computePaper, PresetCheck.flops),
            ("n_layers", nLayers, PresetCheck.layers), ("d_model", dModel, PresetCheck.width),
            ("d_attn", dAttn, PresetCheck.width),
        ]
        for (field, value, range) in counts {
            if let value { try PresetCheck.require(field, value, in: range) }
        }
        let tokens = pretrainTokens + extensionTokens
        if let n = nonEmbeddingParams {
            // Each factor is in range, yet their product can still pass the largest count.
            let flops = ComputeAccounting.trainingFlops(parameters: n, tokens: tokens)
            guard PresetCheck.flops.contains(flops) else {
                throw InputError(
                    "fields 'non_embedding_params' x tokens: 6ND = \(Quantities.formatScientific(flops)) "
                        + "FLOPs is outside the accepted range; expected \(PresetCheck.flops.description)")
            }
        } else if let compute = computePaper {
            let derived = compute / (6 * tokens)
            guard derived >= 1 else {
                throw InputError(
                    "field 'compute_paper': \(Quantities.formatExact(compute)) over 6 x "
                        + "\(Quantities.formatScientific(tokens)) tokens gives fewer than one parameter; expected "
                        + "'non_embedding_params' or a larger compute")
            }
        } else {
            throw InputError("missing field 'non_embedding_params' (or 'compute_paper', from which N is derived)")
        }
    }
}

extension HardwarePreset {
    func validate() throws {
        try PresetCheck.requireName(name)
        try PresetCheck.require("bf16_dense_flops_per_second", peakFlopsPerSecond, in: PresetCheck.flopsPerSecond)
    }
}
