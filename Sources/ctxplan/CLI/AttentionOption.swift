import ArgumentParser
import ContextScaling

extension AttentionCounting: ExpressibleByArgument {
    /// Who counts attention this way, as the notes cite it.
    var attribution: String {
        switch self {
        case .causal: "Kaplan et al."
        case .full: "the full matrix, as PaLM and nanoGPT count it"
        }
    }
}

/// `--attention [causal|full]`: budget on the attention-aware FLOP count, by either convention.
///
/// A bare `--attention` (the flag it used to be) means `causal`: `ArgumentFront` rewrites it to
/// `--attention=causal` before ArgumentParser, which has no option with an optional value.
struct AttentionOption: ParsableArguments {
    @Option(
        name: .customLong("attention"),
        help: ArgumentHelp(
            "Count attention FLOPs: causal (6N + 6 n_layer n_ctx d_attn per token, as FlashAttention and "
                + "Megatron count; the default of a bare --attention) or full (12 n_layer n_ctx d_attn, the "
                + "count behind published MFU figures: PaLM, nanoGPT, torchtitan). The MFU must match.",
            valueName: "causal|full"))
    var counting: AttentionCounting?

    /// `--attention` with no value after it becomes `--attention=causal`; one followed by a
    /// word that is not an option is left for ArgumentParser to read as its value (and to
    /// reject by name when it is neither convention).
    static func bareFlagAsCausal(_ words: [String]) -> [String] {
        words.indices.map { i in
            guard words[i] == "--attention" else { return words[i] }
            let next = i + 1 < words.count ? words[i + 1] : nil
            return next.map { $0.hasPrefix("-") } ?? true ? "--attention=causal" : words[i]
        }
    }
}
