import ArgumentParser
import ContextScaling

/// What `fit --law` asks for: one law form, or `auto`, the form with the lowest
/// leave-one-model-out error among all of them (what `compare` prefers).
enum LawChoice: Equatable, ExpressibleByArgument {
    case form(LawForm)
    case auto

    init?(argument: String) {
        if argument == "auto" {
            self = .auto
        } else if let form = LawForm(rawValue: argument) {
            self = .form(form)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { LawForm.allCases.map(\.rawValue) + ["auto"] }

    var defaultValueDescription: String {
        switch self {
        case .form(let form): return form.rawValue
        case .auto: return "auto"
        }
    }
}

extension LawForm {
    /// The forms, as help text lists them: "paper, no-penalty, soft, floor or decay".
    static var listed: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
