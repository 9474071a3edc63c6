import ArgumentParser
import Foundation
import Planner

/// `model from-config`: a model preset from what a training run already has. One command
/// with the action as its first word, rather than a group of subcommands, so that `--presets`
/// and the other global options parse after `model` as after every other command.
struct ModelCommand: SessionCommand {
    enum Action: String, ExpressibleByArgument, CaseIterable {
        case fromConfig = "from-config"
    }

    static let configuration = CommandConfiguration(
        commandName: "model", _superCommandName: Ctxplan.name,
        abstract: "Make a model preset from a Hugging Face config.json (model from-config FILE --tokens D).",
        discussion: """
            Model types: \(ModelConfig.supportedTypes.joined(separator: ", ")) (Gemma 3's text_config is read where it is nested). N is the non-embedding parameters counted from the architecture (for a mixture of experts, those a token is routed through); n_ctx is max_position_embeddings unless --nctx says otherwise. Token counts use decimal suffixes (15T = 1.5e13).
            Example: model from-config config.json --tokens 15T --name My-8B --save ~/.config/ctxplan/presets/models/my-8b.json
            """)

    @Argument(help: ArgumentHelp("What to make the preset from: from-config.", valueName: "action"))
    var action: Action

    @Argument(
        help: ArgumentHelp("The model's config.json.", valueName: "config"), completion: ShellCompletion.files("json"))
    var config: String

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Pre-training tokens D.", valueName: "tokens"),
        transform: Parse.count)
    var tokens: Double

    @Option(help: ArgumentHelp("The preset's name (default: the config's model name).", valueName: "name"))
    var name: String?

    /// The native limit, where max_position_embeddings is not it (the one help text every --nctx has).
    @OptionGroup var nctx: ContextLimitOption

    @Option(
        help: ArgumentHelp("Write the preset to this file (a models/ folder of presets loads it).", valueName: "file"),
        completion: ShellCompletion.files("json"))
    var save: String?

    @Flag(help: "Replace the file given to --save.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let read = try ModelConfig.read(path: config)
        let preset = ModelPreset(
            name: name ?? Self.defaultName(config: read, path: config), config: read, tokens: tokens, nCtx: nctx.nctx.last,
            source: "config: \(config) (\(read.modelType)); tokens given with --tokens")
        if let save { try InputError.checkOutputFile(save, option: "--save", force: force) }
        let resolved = try PresetLibrary.resolve(preset)
        if let save { try PresetLibrary.save(preset, to: save, overwrite: force) }
        try render(PresetEntry.model(resolved, preset: preset), global, in: session)
    }

    /// The last part of the config's `_name_or_path`, else the folder holding the file, else
    /// the file's own name.
    static func defaultName(config: ModelConfig, path: String) -> String {
        if let id = config.nameOrPath?.split(separator: "/").last, !id.isEmpty { return String(id) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().lastPathComponent
        if url.lastPathComponent == "config.json", !folder.isEmpty, folder != ".", folder != "/" { return folder }
        return url.deletingPathExtension().lastPathComponent
    }
}
