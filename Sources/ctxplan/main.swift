import Foundation

// No command: the REPL (`ctxplan --presets DIR` too). Otherwise one command, whose status is
// the process's, unless its output could not be written (StandardStreams.finish).
StandardStreams.prepare()
let arguments = Array(CommandLine.arguments.dropFirst())
let startsREPL = arguments.isEmpty || arguments.first == "--presets"
exit(StandardStreams.finish(status: Ctxplan.execute(startsREPL ? ["repl"] + arguments : arguments)))
