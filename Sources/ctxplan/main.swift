import CEditLineShim
import Foundation

// One command, or with none (or only `--presets DIR`) the REPL: ArgumentParser's default
// command. Ctrl-C stops a fit or `figures` cleanly (status 130); a second Ctrl-C stops anything.
// The status is the command's, or non-zero when its output could not be written.
StandardStreams.prepare()
shim_install_interrupt_handler(1)
exit(StandardStreams.finish(status: Ctxplan.execute(Array(CommandLine.arguments.dropFirst()), in: Session())))
