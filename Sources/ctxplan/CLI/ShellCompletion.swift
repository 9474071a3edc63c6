import ArgumentParser
import Planner

/// Completions the bash, zsh and fish scripts ask the binary for (ArgumentParser's custom
/// completions call `ctxplan ---completion ...` when Tab is pressed): preset names, bundled and
/// the user's, and those of `--presets` folders already typed on the line. Names are offered in
/// lower case, as users type them (lookups ignore case; the shells match case-sensitively), with
/// the aliases of models and GPUs.
enum ShellCompletion {
    static let tasks = CompletionKind.custom { words, _, prefix in
        taskNames(library(for: words)) + PathCompletion.candidates(for: prefix, extensions: ["json"])
    }
    static let models = CompletionKind.custom { words, _, _ in modelNames(library(for: words)) }
    static let gpus = CompletionKind.custom { words, _, _ in gpuNames(library(for: words)) }
    /// What `show` takes: a preset of any kind, or `settings`.
    static let presetsAndSettings = CompletionKind.custom { words, _, _ in
        let library = library(for: words)
        return ["settings"] + taskNames(library) + modelNames(library) + gpuNames(library)
    }

    static func taskNames(_ library: PresetLibrary) -> [String] { lowercased(library.tasks.map { [$0.name] }) }
    static func modelNames(_ library: PresetLibrary) -> [String] {
        lowercased(library.models.map { [$0.name] + ($0.aliases ?? []) })
    }
    static func gpuNames(_ library: PresetLibrary) -> [String] {
        lowercased(library.hardware.map { [$0.name] + ($0.aliases ?? []) })
    }

    /// Each name once, in lower case, in the order given.
    private static func lowercased(_ names: [[String]]) -> [String] {
        var seen = Set<String>()
        return names.joined().map { $0.lowercased() }.filter { seen.insert($0).inserted }
    }

    /// The presets as a command on this line would load them; problems with them are not
    /// reported here, where a warning would land in the middle of the user's line.
    static func library(for words: [String]) -> PresetLibrary {
        PresetLibrary(
            directories: [Environment.userPresets] + presetFolders(in: words), bundled: Environment.bundledPresets()
        ) { _ in }
    }

    /// The folders given by `--presets DIR` or `--presets=DIR` among `words`.
    static func presetFolders(in words: [String]) -> [String] {
        var folders: [String] = []
        for (i, word) in words.enumerated() {
            if word == "--presets", i + 1 < words.count {
                folders.append(words[i + 1])
            } else if word.hasPrefix("--presets=") {
                folders.append(String(word.dropFirst("--presets=".count)))
            }
        }
        return folders
    }
}
