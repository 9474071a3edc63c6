import ArgumentParser
import Foundation
import Planner

struct Figures: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures", _superCommandName: Ctxplan.name,
        abstract: "Write the paper's Figures 2-6 from the bundled data as SVG.",
        discussion: """
            Figure 2: each task at 7.8e22 and 1.5e23 FLOPs (Llama-2-7B and 13B) at an 8k limit. Figure 3: the same at 128k, fitted on prompts up to 10,000 tokens, held-out observations hollow. Figures 4-6: one task per figure, one panel per model size, a curve per context limit.
            Example: figures --out figures
            """)

    @Option(
        help: ArgumentHelp("Folder to write into (created if missing).", valueName: "dir"),
        completion: ShellCompletion.folders)
    var out: String = "figures"

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws { try worded { try answer(in: session) } }

    private func answer(in session: Session) throws {
        let planner = session.planner(global)
        // CSV is refused before anything is written.
        _ = try global.formatWithoutTable(command: Self.configuration.commandName, in: session)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var written: [String] = []
        func write(_ name: String, _ data: PlotData) throws {
            // Ctrl-C stops between figures: each one written is whole, none is half-written.
            try session.checkCancelled()
            let path = (out as NSString).appendingPathComponent(name)
            try AtomicFile.write(Data(SVG.plot(data).utf8), to: path)
            written.append(path)
        }
        let sizes = [("7b", "Llama-2-7B"), ("13b", "Llama-2-13B")]
        let allLimits: [Double] = [4096, 8192, 16384, 32768, 65536, 131072]
        for (number, task) in [(4, "arithmetic"), (5, "commonsense"), (6, "translation")] {
            let preset = try planner.library.task(task)
            let pair = try planner.curves(models: sizes.map(\.1), computes: [], limits: [8192])
            try write(
                "figure-2-\(task).svg",
                planner.plotData(
                    task: preset, curves: pair, title: "Figure 2, \(task): fits at 7.8e22 and 1.5e23 FLOPs, 8k limit"))
            let records = try planner.fitRecords(file: nil, task: task).records
            let heldOut = try planner.validate(name: task, records: records, form: .paper, seed: 0)
            let wide = try planner.curves(models: sizes.map(\.1), computes: [], limits: [131072])
            try write(
                "figure-3-\(task).svg",
                planner.plotData(
                    task: preset, law: heldOut.fit.result.law, curves: wide,
                    title: "Figure 3, \(task): fitted on prompts up to 10,000 tokens, 128k limit"))
            for (size, model) in sizes {
                let family = try planner.curves(models: [model], computes: [], limits: allLimits)
                try write(
                    "figure-\(number)-\(task)-\(size).svg",
                    planner.plotData(
                        task: preset, curves: family, title: "Figure \(number), \(task): \(model) family, every limit"))
            }
        }
        try render(FiguresAnswer(written: written), global, in: session)
    }
}
