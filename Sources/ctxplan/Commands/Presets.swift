import ArgumentParser
import Planner

struct Presets: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the presets: tasks, models and hardware.",
        discussion: """
            Presets are JSON files, one per entry: the bundled ones, then $XDG_CONFIG_HOME/ctxplan/presets/{tasks,models,hardware}/, then --presets DIR. A later file with the same name replaces an earlier one.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case tasks, models, hardware }

    @Argument(help: "tasks, models or hardware (all when omitted).")
    var kind: Kind?

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let library = session.planner(global).library
        let kinds = kind.map { [$0] } ?? Kind.allCases
        var block = TextBlock(session.style)
        var json: [(String, JSON)] = []
        for kind in kinds {
            switch kind {
            case .tasks:
                json.append(("tasks", .array(library.tasks.map { .string($0.name) })))
                block.line(session.style.bold("tasks"))
                block.table(["name", "metric", "law", "description"], library.tasks.map {
                    [$0.name, $0.metric, $0.law.form.rawValue, $0.description]
                }, words: [0, 1, 2, 3])
            case .models:
                json.append(("models", .array(library.models.map { .string($0.name) })))
                block.line(session.style.bold("models"))
                // The paper's fit checkpoints first, each family by its limit, then the test models.
                let ordered = library.models.sorted {
                    ($0.role != "fit" ? 1 : 0, $0.base, $0.nCtx, $0.name) < ($1.role != "fit" ? 1 : 0, $1.base, $1.nCtx, $1.name)
                }
                block.table(["name", "n_ctx", "compute (6ND)", "role"], ordered.compactMap { m in
                    guard let r = try? library.resolve(model: m.name) else { return nil }
                    return [m.name, Fmt.limit(r.nCtx), Quantities.formatScientific(r.flops), m.role ?? ""]
                }, words: [0, 3])
            case .hardware:
                json.append(("hardware", .array(library.hardware.map { .string($0.name) })))
                block.line(session.style.bold("hardware"))
                block.table(["name", "BF16 dense FLOP/s", "also"], library.hardware.map {
                    [$0.name, Quantities.formatScientific($0.peakFlopsPerSecond, digits: 4), ($0.aliases ?? []).joined(separator: ", ")]
                }, words: [0, 2])
            }
        }
        emit(global, json: .object(json), text: block.text)
    }
}

struct Show: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one preset (task, model or GPU) in full, or the REPL's settings.",
        discussion: "Examples: show arithmetic; show yarn-llama-2-7b-32k; show h100; show settings")

    @Argument(help: "A preset name, or 'settings'.")
    var name: String

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let library = session.planner(global).library
        var block = TextBlock(session.style)
        if name == "settings" {
            let s = session.settings
            let pairs = [("task", s.task), ("model", s.model), ("nctx", s.nctx), ("gpu", s.gpu)]
            for (key, value) in pairs { block.field(key, value ?? session.style.dim("(unset)")) }
            emit(global, json: .object(pairs.map { ($0.0, JSON.str($0.1)) }), text: block.text)
        } else if let task = try? library.task(name) {
            let p = task.law.parameters
            block.field("task", "\(task.name): \(task.description)")
            block.field("metric", task.metric)
            block.field("law", task.law.form.rawValue)
            block.field("parameters", "A \(p.A)  Cc \(Quantities.formatScientific(p.Cc, digits: 3))  alpha \(p.alpha)  B \(p.B)  nc \(Quantities.formatScientific(p.nc, digits: 3))  beta \(p.beta)")
            if case .soft(let s) = task.law.penalty { block.field("sharpness s", "\(s)") }
            block.field("prompt", "\(task.layout.baseTokens) + shots x \(task.layout.shotTokens) tokens")
            if let r = task.fitRange {
                block.field("fit saw", "C \(Quantities.formatScientific(r.computeMin, digits: 3))..\(Quantities.formatScientific(r.computeMax, digits: 3)), n_ctx \(Fmt.limit(r.nCtxMin))..\(Fmt.limit(r.nCtxMax)), n_pmt \(Quantities.formatTokens(r.nPmtMin))..\(Quantities.formatTokens(r.nPmtMax))")
            }
            if let e = task.paperErrors {
                block.field("paper's error", String(format: "MAE %.3f; held out (Sec. 4.2) %.3f", e.mae, e.heldoutMAE))
            }
            if !task.draws.isEmpty { block.field("bootstrap", "\(task.draws.count) draws saved") }
            block.field("source", task.source)
            block.field("file", task.path)
            emit(global, json: .object([("task", .string(task.name)), ("law", .string(task.law.form.rawValue)),
                                        ("params", .object([("A", .num(p.A)), ("Cc", .num(p.Cc)), ("alpha", .num(p.alpha)),
                                                            ("B", .num(p.B)), ("nc", .num(p.nc)), ("beta", .num(p.beta))]))]),
                 text: block.text)
        } else if let model = try? library.resolve(model: name) {
            block.field("model", model.name)
            block.field("N", Quantities.formatCount(model.parameters) + " non-embedding parameters")
            block.field("D", "\(Quantities.formatCount(model.pretrainTokens)) pre-training + \(Quantities.formatCount(model.extensionTokens)) extension tokens")
            block.field("n_ctx", Fmt.limit(model.nCtx))
            block.field("compute", Fmt.flops(model.flops) + " (6ND)")
            if let layers = model.layers, let width = model.attentionWidth {
                block.field("shape", "\(Int(layers)) layers, attention width \(Int(width))")
            }
            for note in model.notes { block.note(note) }
            emit(global, json: .object([("model", .string(model.name)), ("n_ctx", .num(model.nCtx)), ("compute", .num(model.flops)),
                                        ("params", .num(model.parameters)), ("notes", .notes(model.notes))]),
                 text: block.text)
        } else if let gpu = try? library.gpu(name) {
            block.field("gpu", gpu.name)
            block.field("peak", Quantities.formatScientific(gpu.peakFlopsPerSecond, digits: 4) + " FLOP/s, BF16 dense")
            block.field("source", gpu.source ?? "")
            emit(global, json: .object([("gpu", .string(gpu.name)), ("peak_flops_per_second", .num(gpu.peakFlopsPerSecond))]), text: block.text)
        } else {
            let names = library.taskNames + library.modelNames + library.gpuNames + ["settings"]
            let hint = Suggestions.hint(for: name, among: names, otherwise: "see 'presets'")
            throw InputError("unknown preset \(InputError.quote(name))" + hint)
        }
    }
}
