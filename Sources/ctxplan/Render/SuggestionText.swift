import Planner

extension Suggestions {
    /// The end of a message that names an unknown word: "; did you mean 'predict'?" when a
    /// candidate is close (`closest`), else "; " and `otherwise` (what to do instead), else
    /// nothing. Every "did you mean" of the program is written here.
    ///
    ///     "unknown command 'predcit'" + Suggestions.hint(for: "predcit", among: names)
    static func hint(for input: String, among candidates: [String], otherwise: @autoclosure () -> String? = nil)
        -> String
    {
        if let closest = closest(to: input, among: candidates) { return "; did you mean '\(closest)'?" }
        return otherwise().map { "; " + $0 } ?? ""
    }
}
