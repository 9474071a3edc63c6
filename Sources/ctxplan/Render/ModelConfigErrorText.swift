import Planner

/// A config.json that gives no model, in words that name the file and the field.
extension ModelConfigError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreadable(let path):
            return "cannot read \(InputError.quote(path)); expected a Hugging Face config.json"
        case .notJSON(let path):
            return "\(InputError.quote(path)) is not a JSON object; expected a Hugging Face config.json"
        case .jsonSyntax(let path, let line, let column, let expected):
            // Worded as the importers word a results file's syntax error.
            return ImportError.jsonSyntax(file: path, line: line, column: column, expected: expected).description
                + " (a Hugging Face config.json)"
        case .unknownModelType(let path, let type, let supported):
            let expected = "expected one of \(supported.joined(separator: ", "))"
            guard let type else { return "\(path): no model_type; \(expected)" }
            return "\(path): model_type \(InputError.quote(type)) is not one ctxplan can count; \(expected)"
        case .missingField(let path, let field):
            return "\(path): no \(field); expected it for this model type"
        case .badField(let path, let field, let expected):
            let what = expected == .flag ? "true or false" : "a positive whole number"
            return "\(path): \(field) is not \(what)"
        }
    }
}
