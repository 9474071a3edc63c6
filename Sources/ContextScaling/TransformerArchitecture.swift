/// A decoder-only transformer's shape, as its `config.json` gives it: enough to count its
/// parameters. One description serves the dense families (Llama, Mistral, Qwen, Gemma, OLMo,
/// SmolLM, GPT-NeoX, OPT) and mixtures of experts (Mixtral), through the few places they differ:
/// whether the MLP is gated, which projections carry biases, how many norms a layer has and
/// whether they are RMSNorm (a scale) or LayerNorm (a scale and a bias), and query/key norms.
public struct TransformerArchitecture: Sendable, Equatable, Codable {
    /// How a layer's MLP is built: gated (SwiGLU, GeGLU: gate, up and down matrices) or plain
    /// (up and down, as GPT-2, GPT-NeoX and OPT).
    public enum MLP: String, Sendable, Codable { case gated, plain }

    /// RMSNorm learns one scale per channel; LayerNorm a scale and a bias.
    public enum Norm: String, Sendable, Codable { case rms, layer }

    /// Norms on the queries and keys: none, one of head size shared by every head (Qwen3,
    /// Gemma 3), or one over all the heads' channels (OLMo 2).
    public enum QKNorm: String, Sendable, Codable { case none, head, full }

    /// Which attention projections carry biases: none (Llama), the query/key/value projections
    /// (Qwen2), or all four (GPT-NeoX, OPT).
    public enum AttentionBias: String, Sendable, Codable { case none, qkv, all }

    public var hiddenSize: Double
    public var layers: Double
    public var heads: Double
    public var kvHeads: Double
    public var headDim: Double
    public var intermediateSize: Double
    public var vocabSize: Double
    /// The output projection is the input embedding (counted once).
    public var tiedEmbeddings: Bool
    public var mlp: MLP
    public var norm: Norm
    /// Norms per layer: 2 (before attention and before the MLP, or after them in OLMo 2), 4 in
    /// Gemma 2 and 3 (before and after each).
    public var normsPerLayer: Double
    /// A norm after the last layer (every family here but OPT-350m).
    public var finalNorm: Bool
    public var qkNorm: QKNorm
    public var attentionBias: AttentionBias
    public var mlpBias: Bool
    /// Experts per MoE layer and how many each token is routed to; nil for a dense model.
    public var experts: Double?
    public var expertsPerToken: Double?
    /// Learned position embeddings (OPT: max positions + 2); 0 with rotary embeddings.
    public var positionEmbeddings: Double
    /// Width of the token embeddings when it differs from the hidden size (OPT-350m's 512),
    /// with a projection in and out counted as non-embedding.
    public var embeddingWidth: Double?

    public init(
        hiddenSize: Double, layers: Double, heads: Double, kvHeads: Double? = nil, headDim: Double? = nil,
        intermediateSize: Double, vocabSize: Double, tiedEmbeddings: Bool, mlp: MLP = .gated, norm: Norm = .rms,
        normsPerLayer: Double = 2, finalNorm: Bool = true, qkNorm: QKNorm = .none,
        attentionBias: AttentionBias = .none, mlpBias: Bool = false, experts: Double? = nil,
        expertsPerToken: Double? = nil, positionEmbeddings: Double = 0, embeddingWidth: Double? = nil
    ) {
        self.hiddenSize = hiddenSize
        self.layers = layers
        self.heads = heads
        self.kvHeads = kvHeads ?? heads
        self.headDim = headDim ?? (heads > 0 ? hiddenSize / heads : 0)
        self.intermediateSize = intermediateSize
        self.vocabSize = vocabSize
        self.tiedEmbeddings = tiedEmbeddings
        self.mlp = mlp
        self.norm = norm
        self.normsPerLayer = normsPerLayer
        self.finalNorm = finalNorm
        self.qkNorm = qkNorm
        self.attentionBias = attentionBias
        self.mlpBias = mlpBias
        self.experts = experts
        self.expertsPerToken = expertsPerToken
        self.positionEmbeddings = positionEmbeddings
        self.embeddingWidth = embeddingWidth
    }

    /// The channels attention works in: heads x head size (the hidden size in most models,
    /// not in Gemma or Qwen3's small sizes).
    public var attentionWidth: Double { heads * headDim }

    /// A model's parameters, split as scaling laws count them.
    public struct Parameters: Sendable, Equatable {
        /// Everything but the token (and learned position) embeddings and the output projection:
        /// the N of Kaplan et al. (2020) and of the paper. Every expert counted.
        public var nonEmbedding: Double
        /// The non-embedding parameters one token passes through: `nonEmbedding` for a dense
        /// model; for a mixture of experts, the shared part and `expertsPerToken` experts.
        public var activeNonEmbedding: Double
        /// Token embeddings, the output projection when untied, and learned position embeddings.
        public var embedding: Double
        /// What model cards publish: every parameter.
        public var total: Double { nonEmbedding + embedding }
    }

    /// Counts the parameters layer by layer. Training compute is 6 N D with N the *active*
    /// non-embedding parameters: for a mixture of experts each token's forward and backward
    /// pass multiplies by only the experts it is routed to (the convention of Krajewski et al.
    /// 2024, "Scaling Laws for Fine-Grained Mixture of Experts", and of Mixtral's "12.9B active
    /// parameters per token").
    public var parameters: Parameters {
        let h = hiddenSize
        let q = heads * headDim
        let kv = kvHeads * headDim
        var attention = h * q + 2 * h * kv + q * h
        switch attentionBias {
        case .none: break
        case .qkv: attention += q + 2 * kv
        case .all: attention += q + 2 * kv + h
        }
        switch qkNorm {
        case .none: break
        case .head: attention += 2 * headDim
        case .full: attention += q + kv
        }
        let perNorm = norm == .layer ? 2 * h : h
        let expert: Double
        switch mlp {
        case .gated: expert = 3 * h * intermediateSize + (mlpBias ? 2 * intermediateSize + h : 0)
        case .plain: expert = 2 * h * intermediateSize + (mlpBias ? intermediateSize + h : 0)
        }
        let router = experts.map { h * $0 } ?? 0
        let shared = attention + normsPerLayer * perNorm + router
        let outside = (finalNorm ? perNorm : 0) + (embeddingWidth.map { 2 * h * $0 } ?? 0)
        let nonEmbedding = layers * (shared + (experts ?? 1) * expert) + outside
        let active = layers * (shared + (expertsPerToken ?? experts ?? 1) * expert) + outside
        let tokenWidth = embeddingWidth ?? h
        let embedding = vocabSize * tokenWidth * (tiedEmbeddings ? 1 : 2) + positionEmbeddings * h
        return Parameters(nonEmbedding: nonEmbedding, activeNonEmbedding: active, embedding: embedding)
    }

    enum CodingKeys: String, CodingKey {
        case layers, heads, mlp, norm, experts
        case hiddenSize = "hidden_size"
        case kvHeads = "kv_heads"
        case headDim = "head_dim"
        case intermediateSize = "intermediate_size"
        case vocabSize = "vocab_size"
        case tiedEmbeddings = "tied_embeddings"
        case normsPerLayer = "norms_per_layer"
        case finalNorm = "final_norm"
        case qkNorm = "qk_norm"
        case attentionBias = "attention_bias"
        case mlpBias = "mlp_bias"
        case expertsPerToken = "experts_per_token"
        case positionEmbeddings = "position_embeddings"
        case embeddingWidth = "embedding_width"
    }

    /// Only the shape is required; the rest defaults to the Llama layout (gated MLP, RMSNorm, two
    /// norms per layer and a final one, no biases, no query/key norms, rotary positions).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let heads = try c.decode(Double.self, forKey: .heads)
        let hidden = try c.decode(Double.self, forKey: .hiddenSize)
        self.init(
            hiddenSize: hidden, layers: try c.decode(Double.self, forKey: .layers), heads: heads,
            kvHeads: try c.decodeIfPresent(Double.self, forKey: .kvHeads),
            headDim: try c.decodeIfPresent(Double.self, forKey: .headDim),
            intermediateSize: try c.decode(Double.self, forKey: .intermediateSize),
            vocabSize: try c.decode(Double.self, forKey: .vocabSize),
            tiedEmbeddings: try c.decode(Bool.self, forKey: .tiedEmbeddings),
            mlp: try c.decodeIfPresent(MLP.self, forKey: .mlp) ?? .gated,
            norm: try c.decodeIfPresent(Norm.self, forKey: .norm) ?? .rms,
            normsPerLayer: try c.decodeIfPresent(Double.self, forKey: .normsPerLayer) ?? 2,
            finalNorm: try c.decodeIfPresent(Bool.self, forKey: .finalNorm) ?? true,
            qkNorm: try c.decodeIfPresent(QKNorm.self, forKey: .qkNorm) ?? QKNorm.none,
            attentionBias: try c.decodeIfPresent(AttentionBias.self, forKey: .attentionBias) ?? AttentionBias.none,
            mlpBias: try c.decodeIfPresent(Bool.self, forKey: .mlpBias) ?? false,
            experts: try c.decodeIfPresent(Double.self, forKey: .experts),
            expertsPerToken: try c.decodeIfPresent(Double.self, forKey: .expertsPerToken),
            positionEmbeddings: try c.decodeIfPresent(Double.self, forKey: .positionEmbeddings) ?? 0,
            embeddingWidth: try c.decodeIfPresent(Double.self, forKey: .embeddingWidth))
    }

    /// Writes the fields that differ from the Llama layout only, so a preset stays short.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(hiddenSize, forKey: .hiddenSize)
        try c.encode(layers, forKey: .layers)
        try c.encode(heads, forKey: .heads)
        try c.encode(kvHeads, forKey: .kvHeads)
        try c.encode(headDim, forKey: .headDim)
        try c.encode(intermediateSize, forKey: .intermediateSize)
        try c.encode(vocabSize, forKey: .vocabSize)
        try c.encode(tiedEmbeddings, forKey: .tiedEmbeddings)
        if mlp != .gated { try c.encode(mlp, forKey: .mlp) }
        if norm != .rms { try c.encode(norm, forKey: .norm) }
        if normsPerLayer != 2 { try c.encode(normsPerLayer, forKey: .normsPerLayer) }
        if !finalNorm { try c.encode(finalNorm, forKey: .finalNorm) }
        if qkNorm != .none { try c.encode(qkNorm, forKey: .qkNorm) }
        if attentionBias != .none { try c.encode(attentionBias, forKey: .attentionBias) }
        if mlpBias { try c.encode(mlpBias, forKey: .mlpBias) }
        try c.encodeIfPresent(experts, forKey: .experts)
        try c.encodeIfPresent(expertsPerToken, forKey: .expertsPerToken)
        if positionEmbeddings != 0 { try c.encode(positionEmbeddings, forKey: .positionEmbeddings) }
        try c.encodeIfPresent(embeddingWidth, forKey: .embeddingWidth)
    }
}
