import ArgumentParser
import ContextScaling
import Foundation
import Planner

/// Where and how a plot is drawn: the terminal (braille or ASCII) or an SVG file.
struct DrawingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Write a standalone SVG to this file (- for standard output) instead of drawing in the terminal.",
            valueName: "file"),
        completion: ShellCompletion.files("svg"))
    var svg: String?

    @Flag(help: "Replace the file given to --svg.")
    var force = false

    @Flag(help: "Plain ASCII instead of Unicode braille.")
    var ascii = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Width in columns (default: the terminal's, or 80 from a pipe).", valueName: "n"),
        transform: Parse.positiveWhole)
    var width: Int?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Height of the plot area in rows (default 16).", valueName: "n"),
        transform: Parse.positiveWhole)
    var height: Int = 16

    func validate() throws {
        if let width, width < 30 || width > 1000 {
            throw InputError("--width \(width) is outside 30..1000; expected a terminal width such as 80")
        }
        if height < 5 || height > 200 { throw InputError("--height \(height) is outside 5..200; expected e.g. 16") }
    }

    var columns: Int { width ?? TerminalPlot.terminalWidth() }

    /// Writes `text` to the --svg file atomically; an existing file is replaced only with --force.
    func writeSVG(_ text: @autoclosure () -> String) throws {
        guard let svg else { return }
        try InputError.checkOutputFile(svg, option: "--svg", force: force)
        try AtomicFile.write(Data(text().utf8), to: svg)
    }

    /// The terminal drawing's layout the options ask for.
    var layout: TerminalLayout { TerminalLayout(columns: columns, rows: height, ascii: ascii) }
}

extension SessionCommand {
    /// Writes `answer`'s SVG format to the --svg file when one is given, then prints the answer
    /// as every answer is printed. `--svg -` prints the SVG instead, for a pipe.
    func draw(_ answer: some Drawing, _ global: GlobalOptions, _ drawing: DrawingOptions, in session: Session) throws {
        if drawing.svg == "-" { return print(answer.svg, terminator: "") }
        try drawing.writeSVG(answer.svg)
        try render(answer, global, in: session)
    }
}

struct Plot: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot", _superCommandName: Ctxplan.name,
        abstract: "Draw the law against prompt length, with the observations, like the paper's figures.",
        discussion: """
            One curve per model or compute level at each --nctx; with neither, Llama-2-7B and Llama-2-13B (Figure 2). Observations from the bundled data are drawn where they match a curve, those over 10,000 prompt tokens as held out. After a planning answer at the prompt, plot marks it (the knee of shots, the target of compute-for, the recommended limit of extend).
            Repeat --model, --compute or --nctx, or give a comma list (--nctx 8k,32k), for a curve at each; \
            with several curves each carries its own mark, in the legend too.
            Examples: plot --task arithmetic --nctx 8k; plot --task commonsense --model llama-2-13b --nctx 4k --nctx 32k --svg cs.svg
            """)

    @OptionGroup var task: TaskOption

    @Option(help: ArgumentHelp("A model to draw (repeatable).", valueName: "name"), completion: ShellCompletion.models)
    var model: [String] = []

    @Option(
        parsing: .unconditionalSingleValue,
        help: ArgumentHelp("A training compute to draw, in FLOPs (repeatable; needs --nctx).", valueName: "flops"),
        transform: Parse.flops)
    var compute: [Double] = []

    @OptionGroup var nctx: ContextLimitOption

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Shortest prompt drawn (default: one shot).", valueName: "tokens"),
        transform: Parse.context)
    var from: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Longest prompt drawn (default: twice the largest limit).", valueName: "tokens"),
        transform: Parse.context)
    var upto: Double?

    @OptionGroup var drawing: DrawingOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws { try worded { try answer(in: session) } }

    private func answer(in session: Session) throws {
        let planner = session.planner(global)
        let preset = try planner.library.task(task.name(in: session))
        let limits = try nctx.all(in: session)
        // CSV is refused before anything is computed or written.
        _ = try global.formatWithoutTable(command: Self.configuration.commandName, in: session)
        let curves = try planner.curves(models: model, computes: compute, limits: limits)
        let data = try planner.plot(
            task: preset, curves: curves, limits: limits, marking: session.answer?.mark, from: from, upto: upto)
        try draw(PlotAnswer(data: data, layout: drawing.layout, svgPath: drawing.svg), global, drawing, in: session)
    }
}

struct Heatmap: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "heatmap", _superCommandName: Ctxplan.name,
        abstract: "The predicted score over compute and prompt length, with the region the fit saw outlined.",
        discussion: "Example: heatmap --task arithmetic --nctx 32k --svg arithmetic-32k.svg")

    @OptionGroup var task: TaskOption

    @OptionGroup var nctx: ContextLimitOption

    @OptionGroup var drawing: DrawingOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws { try worded { try answer(in: session) } }

    private func answer(in session: Session) throws {
        let planner = session.planner(global)
        let preset = try planner.library.task(task.name(in: session))
        let limit = try nctx.required(in: session)
        let columns = drawing.svg == nil ? drawing.columns - TerminalHeatmap.gutter : 60
        // CSV is refused before anything is computed or written.
        _ = try global.formatWithoutTable(command: Self.configuration.commandName, in: session)
        let data = try planner.heatmap(
            task: preset, nCtx: limit, columns: max(10, columns), rows: drawing.svg == nil ? drawing.height : 30)
        try draw(HeatmapAnswer(data: data, ascii: drawing.ascii, svgPath: drawing.svg), global, drawing, in: session)
    }
}
