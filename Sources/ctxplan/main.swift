import CEditLineShim
import Foundation

// One command, or with none (or only `--presets DIR`) the REPL: ArgumentParser's default
// command. Ctrl-C stops a fit or `figures` cleanly (status 130); a second Ctrl-C stops anything.
shim_install_interrupt_handler(1)
exit(Ctxplan.execute(Array(CommandLine.arguments.dropFirst()), in: Session()))
