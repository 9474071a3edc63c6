import ArgumentParser
import Planner

struct BudgetCommand: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "GPU-hours, days and dollars for a FLOP count.",
        discussion: """
            GPU-hours = FLOPs / (peak dense BF16 x MFU) / 3600; days on --gpus GPUs.
            Example: budget 1.7e23 --gpu h100 --gpus 256 --price 2.5
            """)

    @Argument(help: ArgumentHelp("Training FLOPs (1.7e23, 4.2T).", valueName: "flops"), transform: Parse.count)
    var flops: Double

    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let planner = session.planner(global)
        let b = planner.budget(flops: flops, plan: try hardware.plan(planner, in: session, required: true)!)
        var block = TextBlock(session.style)
        block.field("compute", Fmt.flops(flops))
        BudgetCommand.fields(b, into: &block)
        emit(global, json: BudgetCommand.json(b), text: block.text)
    }

    static func json(_ b: Budget) -> JSON {
        .object([
            ("flops", .num(b.flops)),
            ("gpu", .string(b.plan.gpu.name)),
            ("peak_flops_per_second", .num(b.plan.gpu.peakFlopsPerSecond)),
            ("mfu", .num(b.plan.mfu)),
            ("gpus", .integer(b.plan.gpus)),
            ("gpu_hours", .num(b.gpuHours)),
            ("days", .num(b.days)),
            ("dollars", .num(b.dollars)),
        ])
    }

    static func fields(_ b: Budget, into block: inout TextBlock) {
        block.field("GPU-hours", Quantities.formatCount(b.gpuHours) + "  (\(b.plan.gpu.name), \(Quantities.formatScientific(b.plan.gpu.peakFlopsPerSecond, digits: 4)) FLOP/s peak, MFU \(Quantities.trimmed(String(format: "%.3g", b.plan.mfu))))")
        block.field("wall clock", String(format: "%.3g days on %d GPU%@", b.days, b.plan.gpus, b.plan.gpus == 1 ? "" : "s"))
        if let dollars = b.dollars {
            block.field("cost", "$" + Quantities.formatCount(dollars) + String(format: "  at $%.2f per GPU-hour", b.plan.pricePerGPUHour ?? 0))
        }
    }
}
