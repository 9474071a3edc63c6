import ArgumentParser
import Planner

/// `--interval P` and `--interval-kind`: the interval every planning answer carries, 80%
/// prediction unless asked otherwise, `--interval 0` for none.
struct IntervalOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Interval level in percent (default \(Setting.interval.fallbackText); 0 for none), from the task's "
                + "bootstrap draws.",
            valueName: "percent"),
        transform: Parse.intervalLevel)
    var interval: Double?

    @Option(
        name: .customLong("interval-kind"),
        help: ArgumentHelp(
            "prediction (a new model's score: the law's uncertainty and the scatter around it; the default) "
                + "or confidence (the law's uncertainty only).", valueName: "kind"),
        completion: .list(IntervalKind.allCases.map(\.rawValue)), transform: IntervalOptions.kind)
    var kind: IntervalKind = .prediction

    /// The interval asked for: `--interval`, else `set interval`, else the default; nil for a
    /// level of 0.
    func request(in session: Session) -> IntervalRequest? {
        let level = session.value(Setting.interval, given: interval)
        return level > 0 ? IntervalRequest(level: level, kind: kind) : nil
    }

    /// Rejects an explicit --interval for a task saved without bootstrap draws; the default
    /// interval is left out quietly for such a task.
    func check(_ task: TaskPreset) throws {
        if let interval, interval > 0, task.draws.isEmpty {
            throw InputError(
                "--interval \(Quantities.trimmed(String(interval))) needs bootstrap draws; task '\(task.name)' has none "
                    + "(save one with 'fit --bootstrap N --save PATH')")
        }
    }

    /// The interval's level as shown: "80%", "99.9%", "99.99999999%".
    static func level(_ i: Interval) -> String { Fmt.level(i.level) }

    static func json(_ i: Interval) -> JSON {
        .object([
            ("level", .num(i.level)), ("low", .num(i.low)), ("high", .num(i.high)),
            ("kind", .string(i.kind.rawValue)), ("outcomes_without_answer", .integer(i.unanswered)),
        ])
    }

    /// "(80%: 0.108..0.157)", or "(80% confidence: ...)" for the law's uncertainty alone, with
    /// `unit` after the range ("(80%: 16..25 shots)"); an end among outcomes that never reach
    /// the target is "never" ("(80%: 2.1e23..never)"); the share of outcomes that never answer.
    static func text(_ i: Interval, unit: String = "", _ format: (Double) -> String) -> String {
        let label = level(i) + (i.kind == .confidence ? " confidence" : "")
        guard let low = i.low else { return "(\(label): never)" }
        let high = i.high.map { format($0) + unit } ?? "never"
        var text = "(\(label): \(format(low))..\(high)"
        if i.unanswered > 0 {
            let share = Double(i.unanswered) / Double(i.answered + i.unanswered) * 100
            text += "; " + Fmt.level(share) + " of outcomes never answer"
        }
        return text + ")"
    }
}

extension IntervalOptions {
    /// ArgumentParser words a two-value enum's error "one of 'a' and 'b'": ours names both.
    @Sendable static func kind(_ text: String) throws -> IntervalKind {
        guard let kind = IntervalKind(rawValue: text.lowercased()) else {
            throw InputError(
                "\(InputError.quote(text)) is not an interval kind; expected one of prediction or confidence")
        }
        return kind
    }
}
