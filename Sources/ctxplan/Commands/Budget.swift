import ArgumentParser
import Planner

struct BudgetCommand: AnswerCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", _superCommandName: Ctxplan.name,
        abstract: "GPU-hours, days and dollars for a FLOP count.",
        discussion: """
            GPU-hours = FLOPs / (peak dense BF16 x MFU) / 3600; days on --gpus GPUs.
            Example: budget 1.7e23 --gpu h100 --gpus 256 --price 2.5
            """)

    @Argument(help: ArgumentHelp("Training FLOPs (1.7e23, 4.2T).", valueName: "flops"), transform: Parse.flops)
    var flops: Double

    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var global: GlobalOptions

    func answer(in session: Session) throws -> Budget {
        let planner = session.planner(global)
        return planner.budget(flops: flops, plan: try hardware.plan(planner, in: session, required: true)!)
    }
}
