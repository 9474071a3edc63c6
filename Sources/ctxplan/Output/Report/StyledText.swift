/// Text with spans painted (bold, red, ...), painted only when the format's `Style` says so:
/// a report holds the words, the text format decides on colour.
struct StyledText: ExpressibleByStringInterpolation {
    enum Paint { case bold, dim, warn, good, bad }

    private var spans: [(paint: Paint?, text: String)]

    init(_ text: String) { spans = [(nil, text)] }
    init(stringLiteral value: String) { self.init(value) }
    private init(spans: [(paint: Paint?, text: String)]) { self.spans = spans }

    static func bold(_ text: String) -> StyledText { StyledText(spans: [(.bold, text)]) }
    static func good(_ text: String) -> StyledText { StyledText(spans: [(.good, text)]) }
    static func bad(_ text: String) -> StyledText { StyledText(spans: [(.bad, text)]) }
    static func dim(_ text: String) -> StyledText { StyledText(spans: [(.dim, text)]) }

    static func + (lhs: StyledText, rhs: StyledText) -> StyledText { StyledText(spans: lhs.spans + rhs.spans) }
    static func + (lhs: StyledText, rhs: String) -> StyledText { lhs + StyledText(rhs) }
    static func + (lhs: String, rhs: StyledText) -> StyledText { StyledText(lhs) + rhs }

    func rendered(_ style: Style) -> String {
        spans.map { span in
            switch span.paint {
            case nil: span.text
            case .bold: style.bold(span.text)
            case .dim: style.dim(span.text)
            case .warn: style.warn(span.text)
            case .good: style.good(span.text)
            case .bad: style.bad(span.text)
            }
        }.joined()
    }
}
