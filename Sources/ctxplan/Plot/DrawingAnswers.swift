import Planner

/// `plot`'s answer: the law's curves against prompt length, the observations and the marks.
struct PlotAnswer: Drawing {
    var data: PlotData
    var layout: TerminalLayout
    var svgPath: String?

    var figure: Report {
        Report([
            Field("title", .string(data.title.text)),
            Field("x_range", .json(.array([.num(data.xRange.lowerBound), .num(data.xRange.upperBound)]))),
            Field(
                "series",
                .reports(
                    data.series.map {
                        Report([
                            Field("label", .string($0.label.text)), Field("compute", .flops($0.flops)),
                            Field("n_ctx", .limit($0.nCtx)), Field("points", .integer($0.points.count)),
                        ])
                    })),
            Field("observations", .integer(data.observations.count)),
            Field("held_out", .integer(data.observations.filter(\.heldOut).count)),
            Field(
                "marks",
                .reports(
                    data.marks.map {
                        Report([
                            Field("label", .string($0.label)), Field("n_pmt", .tokens($0.x)),
                            Field("score", .score($0.y)),
                        ])
                    })),
            Field("svg", .string(svgPath)),
            // After the drawing, as predict's notes follow its answer.
            .notes(data.notes),
        ])
    }

    func terminal(colour: Bool) -> String {
        TerminalPlot(data: data, width: layout.columns, height: layout.rows, ascii: layout.ascii, color: colour)
            .render()
    }

    var svg: String { SVG.plot(data) }
}

/// `heatmap`'s answer: the predicted score over compute and prompt length at one limit.
struct HeatmapAnswer: Drawing {
    var data: HeatmapData
    var ascii: Bool
    var svgPath: String?

    var figure: Report {
        let scores = data.scores.joined()
        return Report([
            Field("title", .string(data.title.text)),
            Field("n_ctx", .limit(data.nCtx)),
            Field("compute_range", .json(.array([.num(data.computes.first), .num(data.computes.last)]))),
            Field("prompt_range", .json(.array([.num(data.prompts.first), .num(data.prompts.last)]))),
            Field("rows", .integer(data.computes.count)),
            Field("columns", .integer(data.prompts.count)),
            Field("min_score", .score(scores.min())),
            Field("max_score", .score(scores.max())),
            Field("svg", .string(svgPath)),
        ])
    }

    func terminal(colour: Bool) -> String { TerminalHeatmap(data: data, ascii: ascii, color: colour).render() }

    var svg: String { SVG.heatmap(data) }
}

/// `figures`' answer: the SVG files it wrote.
struct FiguresAnswer: Reporting {
    var written: [String]

    var report: Report {
        Report([
            Field(
                "written", .json(.array(written.map(JSON.string))),
                text: .line(StyledText(written.map { "wrote \($0)" }.joined(separator: "\n"))))
        ])
    }
}
