import Planner

extension GlobalOptions {
    /// The format of a command whose answer is no table (a drawing, a preset, files written):
    /// text or JSON; `--format csv` is an error naming the command, as `render` gives.
    func formatWithoutTable(command: String?, in session: Session) throws -> OutputFormat {
        let format = try outputFormat(in: session, table: false)
        guard format != .csv else {
            throw InputError(
                "'\(command ?? "this command")' gives no table, so it has no CSV form; "
                    + "expected --format text or json")
        }
        return format
    }
}
