import ArgumentParser
import ContextScaling
import Planner

/// What `fit --law` asks for: one law form, or `auto`, the form with the lowest
/// leave-one-model-out error among all of them (what `compare` prefers).
enum LawChoice {
    case form(AnyLawForm)
    case auto

    /// Parsed here rather than by ArgumentParser, whose message for six values is a list that
    /// a one-line error cannot show.
    @Sendable static func parse(_ text: String) throws -> LawChoice {
        if text == "auto" { return .auto }
        guard let form = AnyLawForm(name: text) else {
            throw InputError("\(InputError.quote(text)) is not a law; expected one of \(AnyLawForm.listed) or auto")
        }
        return .form(form)
    }

    /// One law form, with the same one-line message: ArgumentParser's own for six values is a
    /// list over several lines.
    @Sendable static func parseForm(_ text: String) throws -> AnyLawForm {
        guard let form = AnyLawForm(name: text) else {
            throw InputError("\(InputError.quote(text)) is not a law; expected one of \(AnyLawForm.listed)")
        }
        return form
    }
}

extension AnyLawForm {
    /// The forms, as help text and messages list them: "paper, no-penalty, soft, floor, decay".
    static var listed: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
