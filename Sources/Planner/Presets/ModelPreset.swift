import ContextScaling
import Foundation

/// A model checkpoint, as stored in `Presets/models/*.json`.
public struct ModelPreset: Sendable, Equatable, Codable {
    public var name: String
    /// The model it was extended from (itself for a pre-trained model).
    public var base: String
    /// The family `presets models` groups it under ("Llama 3.1", "Qwen3"); nil for a user's own.
    public var family: String?
    /// "fit" for the paper's 12 fit checkpoints, "test" for its test models.
    public var role: String?
    /// Non-embedding parameters N, when a source states them (the paper's Table 1). Otherwise
    /// N is the paper's compute over 6D where the paper prints one (its test models, so that its
    /// results stand), else counted from `architecture`.
    public var nonEmbeddingParams: Double?
    /// Nil where the source publishes none (`"pretrain_tokens": "not published"`): a question
    /// about such a model needs the tokens given (`--tokens`).
    public var pretrainTokens: Double?
    public var extensionTokens: Double
    /// The native context limit.
    public var nCtx: Double
    /// The compute the paper prints for it (Table 1 or 5).
    public var computePaper: Double?
    public var nLayers: Double?
    public var dModel: Double?
    public var dAttn: Double?
    /// Other names it answers to: hub ids (`meta-llama/Llama-3.1-8B`) and short forms.
    public var aliases: [String]?
    /// The shape its parameters are counted from (`TransformerArchitecture.parameters`).
    public var architecture: TransformerArchitecture?
    /// Every parameter, as the source (model card, paper) states it: the check on `architecture`.
    public var publishedTotalParams: Double?
    /// A mixture of experts' parameters per token, as its source states them.
    public var publishedActiveParams: Double?
    /// Non-embedding parameters where the source states them beside the total.
    public var publishedNonEmbeddingParams: Double?
    /// Where each fact comes from.
    public var source: String?

    /// The text that marks a source without a token count.
    public static let tokensNotPublished = "not published"

    public init(
        name: String, base: String? = nil, family: String? = nil, nonEmbeddingParams: Double? = nil,
        pretrainTokens: Double?, extensionTokens: Double = 0, nCtx: Double, architecture: TransformerArchitecture? = nil,
        aliases: [String]? = nil, source: String? = nil
    ) {
        self.name = name
        self.base = base ?? name
        self.family = family
        self.nonEmbeddingParams = nonEmbeddingParams
        self.pretrainTokens = pretrainTokens
        self.extensionTokens = extensionTokens
        self.nCtx = nCtx
        self.architecture = architecture
        self.nLayers = architecture?.layers
        self.dModel = architecture?.hiddenSize
        self.dAttn = architecture?.attentionWidth
        self.aliases = aliases
        self.source = source
    }

    /// The non-embedding parameters one token trains, from the first of: the stated count, the
    /// paper's compute (nil here: derived later from C / 6D), the architecture.
    public var countedParams: Double? {
        if let nonEmbeddingParams { return nonEmbeddingParams }
        if computePaper != nil { return nil }
        return architecture?.parameters.activeNonEmbedding
    }

    public var layers: Double? { nLayers ?? architecture?.layers }
    public var attentionWidth: Double? { dAttn ?? architecture?.attentionWidth }

    /// `base` defaults to the model itself and `extension_tokens` to 0, so a user's own
    /// pre-trained model needs neither.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        base = try c.decodeIfPresent(String.self, forKey: .base) ?? name
        family = try c.decodeIfPresent(String.self, forKey: .family)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        nonEmbeddingParams = try c.decodeIfPresent(Double.self, forKey: .nonEmbeddingParams)
        if let text = try? c.decode(String.self, forKey: .pretrainTokens) {
            guard text.lowercased() == Self.tokensNotPublished else {
                throw DecodingError.dataCorruptedError(
                    forKey: .pretrainTokens, in: c,
                    debugDescription: "expected a token count or \"\(Self.tokensNotPublished)\"")
            }
            pretrainTokens = nil
        } else {
            pretrainTokens = try c.decode(Double.self, forKey: .pretrainTokens)
        }
        extensionTokens = try c.decodeIfPresent(Double.self, forKey: .extensionTokens) ?? 0
        nCtx = try c.decode(Double.self, forKey: .nCtx)
        computePaper = try c.decodeIfPresent(Double.self, forKey: .computePaper)
        nLayers = try c.decodeIfPresent(Double.self, forKey: .nLayers)
        dModel = try c.decodeIfPresent(Double.self, forKey: .dModel)
        dAttn = try c.decodeIfPresent(Double.self, forKey: .dAttn)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases)
        architecture = try c.decodeIfPresent(TransformerArchitecture.self, forKey: .architecture)
        publishedTotalParams = try c.decodeIfPresent(Double.self, forKey: .publishedTotalParams)
        publishedActiveParams = try c.decodeIfPresent(Double.self, forKey: .publishedActiveParams)
        publishedNonEmbeddingParams = try c.decodeIfPresent(Double.self, forKey: .publishedNonEmbeddingParams)
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        if base != name { try c.encode(base, forKey: .base) }
        try c.encodeIfPresent(family, forKey: .family)
        try c.encodeIfPresent(aliases, forKey: .aliases)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encodeIfPresent(nonEmbeddingParams, forKey: .nonEmbeddingParams)
        if let pretrainTokens {
            try c.encode(pretrainTokens, forKey: .pretrainTokens)
        } else {
            try c.encode(Self.tokensNotPublished, forKey: .pretrainTokens)
        }
        if extensionTokens != 0 { try c.encode(extensionTokens, forKey: .extensionTokens) }
        try c.encode(nCtx, forKey: .nCtx)
        try c.encodeIfPresent(computePaper, forKey: .computePaper)
        try c.encodeIfPresent(nLayers, forKey: .nLayers)
        try c.encodeIfPresent(dModel, forKey: .dModel)
        try c.encodeIfPresent(dAttn, forKey: .dAttn)
        try c.encodeIfPresent(architecture, forKey: .architecture)
        try c.encodeIfPresent(publishedTotalParams, forKey: .publishedTotalParams)
        try c.encodeIfPresent(publishedActiveParams, forKey: .publishedActiveParams)
        try c.encodeIfPresent(publishedNonEmbeddingParams, forKey: .publishedNonEmbeddingParams)
        try c.encodeIfPresent(source, forKey: .source)
    }

    enum CodingKeys: String, CodingKey {
        case name, base, family, role, aliases, source, architecture
        case nonEmbeddingParams = "non_embedding_params"
        case pretrainTokens = "pretrain_tokens"
        case extensionTokens = "extension_tokens"
        case nCtx = "n_ctx"
        case computePaper = "compute_paper"
        case nLayers = "n_layers"
        case dModel = "d_model"
        case dAttn = "d_attn"
        case publishedTotalParams = "published_total_params"
        case publishedActiveParams = "published_active_params"
        case publishedNonEmbeddingParams = "published_non_embedding_params"
    }
}
