import ContextScaling
import Foundation

/// A model preset file read by the byte-level JSON parser, as `TaskPresetFileReader` reads a
/// task's: a fit reads every model its observations name, each in a tenth of a millisecond by
/// `JSONDecoder`. It reads only files the decoder reads the same way (every field of the type it
/// has there, every number finite, no key twice, no byte-order mark) and leaves the rest to the
/// decoder (nil here), whose messages name the field that is wrong.
enum ModelPresetFileReader {
    typealias Fields = TaskPresetFileReader.Fields

    static func read(_ data: Data) -> ModelPreset? {
        data.withUnsafeBytes { raw -> ModelPreset? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]), let value = try? JSONParser.parse(bytes),
                let fields = Fields(value)
            else { return nil }
            return model(fields)
        }
    }

    private static func model(_ f: Fields) -> ModelPreset? {
        guard let name = f.string("name"), let nCtx = f.number("n_ctx"),
            let pretrainTokens = pretrainTokens(f), let base = f.optionalString("base"),
            let family = f.optionalString("family"), let role = f.optionalString("role"),
            let source = f.optionalString("source"), let aliases = f.optional("aliases", strings),
            let architecture = f.optional("architecture", self.architecture),
            let nonEmbedding = f.optional("non_embedding_params", TaskPresetFileReader.number),
            let extensionTokens = f.optional("extension_tokens", TaskPresetFileReader.number),
            let computePaper = f.optional("compute_paper", TaskPresetFileReader.number),
            let nLayers = f.optional("n_layers", TaskPresetFileReader.number),
            let dModel = f.optional("d_model", TaskPresetFileReader.number),
            let dAttn = f.optional("d_attn", TaskPresetFileReader.number),
            let total = f.optional("published_total_params", TaskPresetFileReader.number),
            let active = f.optional("published_active_params", TaskPresetFileReader.number),
            let publishedNonEmbedding = f.optional("published_non_embedding_params", TaskPresetFileReader.number)
        else { return nil }
        var model = ModelPreset(
            name: name, base: base, family: family, nonEmbeddingParams: nonEmbedding, pretrainTokens: pretrainTokens,
            extensionTokens: extensionTokens ?? 0, nCtx: nCtx, architecture: architecture, aliases: aliases,
            source: source)
        // As the decoder sets them: the file's own values, not the architecture's.
        model.role = role
        model.computePaper = computePaper
        model.nLayers = nLayers
        model.dModel = dModel
        model.dAttn = dAttn
        model.publishedTotalParams = total
        model.publishedActiveParams = active
        model.publishedNonEmbeddingParams = publishedNonEmbedding
        return model
    }

    /// A token count, or nil inside for "not published" (any case); nil for anything else.
    private static func pretrainTokens(_ f: Fields) -> Double?? {
        switch f.present("pretrain_tokens") {
        case .string(let text)? where text.lowercased() == ModelPreset.tokensNotPublished: return .some(nil)
        case .number(let x)? where x.isFinite: return .some(x)
        default: return nil
        }
    }

    private static func strings(_ value: JSONValue) -> [String]? {
        guard case .array(let elements) = value else { return nil }
        var out: [String] = []
        for element in elements {
            guard case .string(let text) = element else { return nil }
            out.append(text)
        }
        return out
    }

    private static func architecture(_ value: JSONValue) -> TransformerArchitecture? {
        typealias A = TransformerArchitecture
        guard let f = Fields(value), let heads = f.number("heads"), let hidden = f.number("hidden_size"),
            let layers = f.number("layers"), let intermediate = f.number("intermediate_size"),
            let vocab = f.number("vocab_size"), let tied = f.bool("tied_embeddings"),
            let kvHeads = f.optional("kv_heads", TaskPresetFileReader.number),
            let headDim = f.optional("head_dim", TaskPresetFileReader.number),
            let mlp = f.optional("mlp", { raw($0) { A.MLP(rawValue: $0) } }), let norm = f.optional("norm", { raw($0) { A.Norm(rawValue: $0) } }),
            let normsPerLayer = f.optional("norms_per_layer", TaskPresetFileReader.number),
            let finalNorm = f.optional("final_norm", bool),
            let qkNorm = f.optional("qk_norm", { raw($0) { A.QKNorm(rawValue: $0) } }),
            let attentionBias = f.optional("attention_bias", { raw($0) { A.AttentionBias(rawValue: $0) } }),
            let mlpBias = f.optional("mlp_bias", bool),
            let experts = f.optional("experts", TaskPresetFileReader.number),
            let expertsPerToken = f.optional("experts_per_token", TaskPresetFileReader.number),
            let positionEmbeddings = f.optional("position_embeddings", TaskPresetFileReader.number),
            let embeddingWidth = f.optional("embedding_width", TaskPresetFileReader.number)
        else { return nil }
        return A(
            hiddenSize: hidden, layers: layers, heads: heads, kvHeads: kvHeads, headDim: headDim,
            intermediateSize: intermediate, vocabSize: vocab, tiedEmbeddings: tied, mlp: mlp ?? .gated,
            norm: norm ?? .rms, normsPerLayer: normsPerLayer ?? 2, finalNorm: finalNorm ?? true,
            qkNorm: qkNorm ?? A.QKNorm.none, attentionBias: attentionBias ?? A.AttentionBias.none,
            mlpBias: mlpBias ?? false, experts: experts, expertsPerToken: expertsPerToken,
            positionEmbeddings: positionEmbeddings ?? 0, embeddingWidth: embeddingWidth)
    }

    private static func raw<T>(_ value: JSONValue, _ make: (String) -> T?) -> T? {
        guard case .string(let text) = value else { return nil }
        return make(text)
    }

    private static func bool(_ value: JSONValue) -> Bool? {
        guard case .bool(let b) = value else { return nil }
        return b
    }
}

extension TaskPresetFileReader.Fields {
    func bool(_ key: String) -> Bool? {
        guard case .bool(let b) = present(key) else { return nil }
        return b
    }
}
