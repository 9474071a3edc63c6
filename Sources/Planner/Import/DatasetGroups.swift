import Foundation

/// The datasets the paper groups into its three tasks (Sec. 3.3 and Appendix A), under the
/// names its evaluation code and lm-evaluation-harness give them.
public enum DatasetGroups {
    static let groups: [(task: String, datasets: [String])] = [
        (
            "arithmetic",
            [
                "gsm", "gsm8k", "math", "hendrycks_math", "minerva_math", "aqua-rat", "aqua_rat", "deepmind-math",
                "deepmind_math",
            ]
        ),
        (
            "commonsense",
            [
                "piqa", "siqa", "social_iqa", "openbookqa", "hellaswag", "winogrande", "arc-easy", "arc_easy",
                "arc-challenge", "arc_challenge", "commonsenseqa", "commonsense_qa",
            ]
        ),
        (
            "translation",
            ["wmt14-cs-en", "wmt14-de-en", "wmt14-fr-en", "wmt14-hi-en", "wmt14-ru-en"]
        ),
    ]

    /// Names compared without case and punctuation: `ARC_Easy`, `arc-easy` and `arc easy` are one.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    private static let taskByKey: [String: String] = {
        var map: [String: String] = [:]
        for (task, datasets) in groups { for d in datasets { map[key(d)] = task } }
        return map
    }()

    /// The bundled task a dataset belongs to, or nil for a dataset the paper did not use.
    public static func task(forDataset name: String) -> String? { taskByKey[key(name)] }
}
