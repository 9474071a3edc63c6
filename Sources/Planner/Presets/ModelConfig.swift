import ContextScaling
import Foundation

/// Why a Hugging Face `config.json` does not give a model, as facts the program words.
public enum ModelConfigError: Error, Equatable, Sendable {
    case unreadable(path: String)
    /// Not one JSON object.
    case notJSON(path: String)
    /// Not JSON at all: where the text stops being JSON (line and column from 1), and what was
    /// expected there.
    case jsonSyntax(path: String, line: Int, column: Int, expected: ImportError.JSONExpectation)
    /// A `model_type` whose layout is not known; `supported` lists those that are.
    case unknownModelType(path: String, modelType: String?, supported: [String])
    /// A field the model type needs is absent (`field`: its path, `text_config.hidden_size`).
    case missingField(path: String, field: String)
    /// A field that is not a positive whole number (or, for `expected == .flag`, not a boolean).
    case badField(path: String, field: String, expected: Expected)

    public enum Expected: Sendable, Equatable { case positiveWhole, flag }
}

/// A model described by a Hugging Face `config.json`: its architecture and native context limit,
/// read the way `transformers` reads each model type (its defaults where a field is left out).
public struct ModelConfig: Sendable, Equatable {
    public var modelType: String
    public var architecture: TransformerArchitecture
    /// `max_position_embeddings`: the longest sequence the model was built for.
    public var nCtx: Double
    /// `_name_or_path`, when the file names the model.
    public var nameOrPath: String?

    /// The model types read, as `config.json` spells them.
    public static let supportedTypes = [
        "gemma", "gemma2", "gemma3", "gemma3_text", "gpt_neox", "llama", "mistral", "mixtral", "olmo", "olmo2", "opt",
        "qwen2", "qwen3",
    ]

    /// Reads the file at `path`.
    public static func read(path: String) throws -> ModelConfig {
        guard let data = FileManager.default.contents(atPath: path) else { throw ModelConfigError.unreadable(path: path) }
        // The importers' parser finds where a truncated or mistyped file stops being JSON, which
        // JSONSerialization does not say (and it takes a trailing comma).
        do {
            _ = try data.withUnsafeBytes { try JSONParser.parse($0.bindMemory(to: UInt8.self)) }
        } catch let e as JSONSyntaxError {
            throw ModelConfigError.jsonSyntax(path: path, line: e.line, column: e.column, expected: e.expected)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let json = object as? [String: Any] else {
            throw ModelConfigError.notJSON(path: path)
        }
        return try parse(json, path: path)
    }

    /// The model `json` describes; `path` names the file in errors.
    public static func parse(_ json: [String: Any], path: String) throws -> ModelConfig {
        let top = Fields(json: json, prefix: "", path: path)
        guard let type = json["model_type"] as? String, supportedTypes.contains(type) else {
            throw ModelConfigError.unknownModelType(
                path: path, modelType: json["model_type"] as? String, supported: supportedTypes)
        }
        // Gemma 3's multimodal checkpoints nest the language model under `text_config`, and
        // leave out what Gemma3TextConfig defaults (the 4B's heads, head size, vocabulary).
        var f = top
        if type == "gemma3" || type == "gemma3_text" {
            if let text = json["text_config"] as? [String: Any] {
                f = Fields(json: text, prefix: "text_config.", path: path)
            }
            f.defaults = [
                "vocab_size": 262_208, "num_attention_heads": 8, "num_key_value_heads": 4, "head_dim": 256,
                "max_position_embeddings": 131_072,
            ]
        }
        let architecture = try Self.architecture(type: type, f)
        let nCtx = try f.whole("max_position_embeddings")
        return ModelConfig(
            modelType: type, architecture: architecture, nCtx: nCtx, nameOrPath: json["_name_or_path"] as? String)
    }

    private static func architecture(type: String, _ f: Fields) throws -> TransformerArchitecture {
        let hidden = try f.whole("hidden_size")
        let heads = try f.whole("num_attention_heads")
        let layers = try f.whole("num_hidden_layers")
        let vocab = try f.whole("vocab_size")
        switch type {
        case "gpt_neox":
            return TransformerArchitecture(
                hiddenSize: hidden, layers: layers, heads: heads, intermediateSize: try f.whole("intermediate_size"),
                vocabSize: vocab, tiedEmbeddings: try f.flag("tie_word_embeddings", default: false), mlp: .plain,
                norm: .layer, attentionBias: try f.flag("attention_bias", default: true) ? .all : .none, mlpBias: true)
        case "opt":
            let embedWidth = try f.optionalWhole("word_embed_proj_dim") ?? hidden
            let bias = try f.flag("enable_bias", default: true)
            return TransformerArchitecture(
                hiddenSize: hidden, layers: layers, heads: heads, intermediateSize: try f.whole("ffn_dim"),
                vocabSize: vocab, tiedEmbeddings: try f.flag("tie_word_embeddings", default: true), mlp: .plain,
                norm: .layer,
                // OPT-350m normalises after each block and has no final norm.
                finalNorm: try f.flag("do_layer_norm_before", default: true), attentionBias: bias ? .all : .none,
                mlpBias: bias, positionEmbeddings: try f.whole("max_position_embeddings") + 2,
                embeddingWidth: embedWidth == hidden ? nil : embedWidth)
        default:
            break
        }
        // The Llama layout and its relatives.
        let gemma = type.hasPrefix("gemma")
        var qkNorm = TransformerArchitecture.QKNorm.none
        var attentionBias: TransformerArchitecture.AttentionBias =
            try f.flag("attention_bias", default: false) ? .all : .none
        var normsPerLayer = 2.0
        var finalNorm = true
        switch type {
        case "qwen2": attentionBias = .qkv
        case "qwen3", "gemma3", "gemma3_text": qkNorm = .head
        case "olmo2": qkNorm = .full
        // OLMo 1's layer norms learn nothing.
        case "olmo":
            normsPerLayer = 0
            finalNorm = false
        default: break
        }
        if type == "gemma2" || type == "gemma3" || type == "gemma3_text" { normsPerLayer = 4 }
        let experts = type == "mixtral" ? try f.whole("num_local_experts") : nil
        return TransformerArchitecture(
            hiddenSize: hidden, layers: layers, heads: heads, kvHeads: try f.optionalWhole("num_key_value_heads"),
            headDim: try f.optionalWhole("head_dim"), intermediateSize: try f.whole("intermediate_size"),
            // Gemma's output layer is its embedding in every release (the reports count it once),
            // whatever a nested config's flag says.
            vocabSize: vocab, tiedEmbeddings: gemma ? true : try f.flag("tie_word_embeddings", default: false),
            normsPerLayer: normsPerLayer,
            finalNorm: finalNorm, qkNorm: qkNorm, attentionBias: attentionBias,
            mlpBias: try f.flag("mlp_bias", default: false), experts: experts,
            expertsPerToken: type == "mixtral" ? try f.whole("num_experts_per_tok") : nil)
    }

    /// One level of a config's fields, named by their path in errors.
    private struct Fields {
        var json: [String: Any]
        var prefix: String
        var path: String
        /// What `transformers` assumes where the file says nothing.
        var defaults: [String: Double] = [:]

        func optionalWhole(_ key: String) throws -> Double? {
            guard let value = json[key], !(value is NSNull) else { return defaults[key] }
            // A JSON boolean reads as an NSNumber too: it is no count.
            guard let number = value as? NSNumber, !Self.isBoolean(number),
                number.doubleValue.isFinite, number.doubleValue >= 1, number.doubleValue == number.doubleValue.rounded(),
                number.doubleValue <= 1e12
            else {
                throw ModelConfigError.badField(path: path, field: prefix + key, expected: .positiveWhole)
            }
            return number.doubleValue
        }

        func whole(_ key: String) throws -> Double {
            guard let value = try optionalWhole(key) else {
                throw ModelConfigError.missingField(path: path, field: prefix + key)
            }
            return value
        }

        /// JSONSerialization gives `true` and `false` as NSNumbers of type char ("c"), which no
        /// JSON number is; a plain `is Bool` would take the number 1 for `true`.
        static func isBoolean(_ number: NSNumber) -> Bool { number.objCType.pointee == UInt8(ascii: "c") }

        func flag(_ key: String, default value: Bool) throws -> Bool {
            guard let raw = json[key], !(raw is NSNull) else { return value }
            guard let number = raw as? NSNumber, Self.isBoolean(number) else {
                throw ModelConfigError.badField(path: path, field: prefix + key, expected: .flag)
            }
            return number.boolValue
        }
    }
}

extension ModelPreset {
    /// A preset for the model `config` describes, trained on `tokens` (nil: not published).
    public init(name: String, config: ModelConfig, tokens: Double?, nCtx: Double? = nil, source: String) {
        self.init(
            name: name, nonEmbeddingParams: nil, pretrainTokens: tokens, nCtx: nCtx ?? config.nCtx,
            architecture: config.architecture, aliases: config.nameOrPath.map { [$0] }, source: source)
    }
}
