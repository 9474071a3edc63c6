import Foundation

/// `samples_<task>_<time>.jsonl`, written beside `results_<time>.json` by `--log_samples`: one
/// JSON object per document, whose `arguments` hold the full prompt text (shots included) as
/// `gen_args_0.arg_0` (0.4; a list of [prompt, continuation] pairs in earlier versions).
enum HarnessSamples {
    /// The samples file of `task` from the same run as the results file, if it is there.
    static func file(task: String, besideResults results: String) -> String? {
        let url = URL(fileURLWithPath: results)
        let name = url.lastPathComponent
        guard name.hasPrefix("results_"), name.hasSuffix(".json") else { return nil }
        let time = name.dropFirst("results_".count).dropLast(".json".count)
        let path = url.deletingLastPathComponent().appendingPathComponent("samples_\(task)_\(time).jsonl").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The mean length of the documents' prompts, in characters.
    static func meanPromptCharacters(path: String) throws -> Double {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw ImportError.unreadable(file: path) }
        var total = 0.0
        var count = 0
        for (i, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let here = "\(path):\(i + 1)"
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ImportError.notJSON(file: here)
            }
            guard let prompt = promptText(object["arguments"]) else {
                throw ImportError.missingField(file: here, field: "arguments.gen_args_0.arg_0")
            }
            total += Double(prompt.count)
            count += 1
        }
        guard count > 0 else { throw ImportError.missingField(file: path, field: "a sample") }
        return total / Double(count)
    }

    private static func promptText(_ arguments: Any?) -> String? {
        if let named = arguments as? [String: Any], let first = named["gen_args_0"] as? [String: Any] {
            return first["arg_0"] as? String
        }
        if let pairs = arguments as? [Any], let first = pairs.first as? [Any] { return first.first as? String }
        return nil
    }
}
