import ArgumentParser
import ContextScaling
import Foundation
import Planner

/// Where and how a plot is drawn: the terminal (braille or ASCII) or an SVG file.
struct DrawingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Write a standalone SVG to this file instead of drawing in the terminal.", valueName: "file"),
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
        if !force && FileManager.default.fileExists(atPath: svg) {
            throw InputError("\(InputError.quote(svg)) exists; pass --force to replace it")
        }
        try AtomicFile.write(Data(text().utf8), to: svg)
    }

    /// Writes `svg` atomically and says where, or prints the terminal drawing.
    func output(svg text: @autoclosure () -> String, terminal: () -> String) throws {
        if let svg {
            try writeSVG(text())
            print("wrote \(svg)")
        } else {
            print(terminal())
        }
    }
}

struct Plot: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
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
        let format = try global.formatWithoutTable(command: Self.configuration.commandName, in: session)
        let curves = try planner.curves(models: model, computes: compute, limits: limits)
        let data = try planner.plot(
            task: preset, curves: curves, limits: limits, marking: session.lastAnswer, from: from, upto: upto)
        if format == .json {
            try drawing.writeSVG(SVG.plot(data))
            print(Plot.json(data, svg: drawing.svg).text)
            return
        }
        try drawing.output(svg: SVG.plot(data)) {
            TerminalPlot(
                data: data, width: drawing.columns, height: drawing.height, ascii: drawing.ascii,
                color: session.style.colour
            ).render()
        }
        // After the drawing, as predict's notes follow its answer.
        var block = TextBlock(session.style)
        let width = TerminalWidth.forStandardOutput()
        for note in data.notes { block.note(note, width: width) }
        if !data.notes.isEmpty { print(block.text) }
    }

    static func json(_ data: PlotData, svg: String?) -> JSON {
        .object([
            ("title", .string(data.title.text)),
            ("x_range", .array([.num(data.xRange.lowerBound), .num(data.xRange.upperBound)])),
            (
                "series",
                .array(
                    data.series.map {
                        .object([
                            ("label", .string($0.label.text)), ("compute", .num($0.flops)), ("n_ctx", .num($0.nCtx)),
                            ("points", .integer($0.points.count)),
                        ])
                    })
            ),
            ("observations", .integer(data.observations.count)),
            ("held_out", .integer(data.observations.filter(\.heldOut).count)),
            (
                "marks",
                .array(
                    data.marks.map {
                        .object([("label", .string($0.label)), ("n_pmt", .num($0.x)), ("score", .num($0.y))])
                    })
            ),
            ("svg", .str(svg)),
            ("notes", .notes(data.notes)),
        ])
    }
}

struct Heatmap: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "heatmap",
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
        let format = try global.formatWithoutTable(command: Self.configuration.commandName, in: session)
        let data = try planner.heatmap(
            task: preset, nCtx: limit, columns: max(10, columns), rows: drawing.svg == nil ? drawing.height : 30)
        if format == .json {
            try drawing.writeSVG(SVG.heatmap(data))
            let scores = data.scores.joined()
            print(
                JSON.object([
                    ("title", .string(data.title.text)), ("n_ctx", .num(data.nCtx)),
                    ("compute_range", .array([.num(data.computes.first), .num(data.computes.last)])),
                    ("prompt_range", .array([.num(data.prompts.first), .num(data.prompts.last)])),
                    ("rows", .integer(data.computes.count)), ("columns", .integer(data.prompts.count)),
                    ("min_score", .num(scores.min())), ("max_score", .num(scores.max())),
                    ("svg", .str(drawing.svg)),
                ]).text)
            return
        }
        try drawing.output(svg: SVG.heatmap(data)) {
            TerminalHeatmap(data: data, ascii: drawing.ascii, color: session.style.colour).render()
        }
    }
}
