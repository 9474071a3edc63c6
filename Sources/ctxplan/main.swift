import Foundation

// No command: the REPL. Otherwise one command, whose status is the process's.
let arguments = Array(CommandLine.arguments.dropFirst())
exit(Ctxplan.execute(arguments.isEmpty ? ["repl"] : arguments))
