import Foundation

/// Terminal styling, and the one place that writes ANSI colour: colour only when standard output
/// is a terminal, NO_COLOR is unset and TERM is not `dumb`. A session holds one, decided when it
/// starts.
struct Style: Sendable {
    var colour: Bool

    static func forStandardOutput() -> Style {
        Style(
            colour: isatty(STDOUT_FILENO) == 1 && Environment.variable("NO_COLOR") == nil
                && Environment.variable("TERM") != "dumb")
    }

    /// The `warning: ` tag of a message on standard error, outside any session.
    static func warn(_ s: String) -> String { forStandardOutput().warn(s) }

    func bold(_ s: String) -> String { painted(s, "1") }
    func dim(_ s: String) -> String { painted(s, "2") }
    func warn(_ s: String) -> String { painted(s, "33") }
    func good(_ s: String) -> String { painted(s, "32") }
    func bad(_ s: String) -> String { painted(s, "31") }

    /// `s` drawn with `attributes` when colour is on, else `s` itself. The attributes are the
    /// parameters of an SGR escape (ECMA-48 Select Graphic Rendition), separated by `;`: "31" is
    /// a red foreground, "48;5;240;33" a yellow foreground on grey 240 of the 256-colour palette.
    func painted(_ s: String, _ attributes: String) -> String {
        colour ? Style.escape + "[" + attributes + "m" + s + Style.escape + "[0m" : s
    }

    private static let escape = "\u{1B}"

    /// Width of `s` on screen: the escapes `painted` writes take none.
    static func visibleWidth(_ s: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in s.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }
}
