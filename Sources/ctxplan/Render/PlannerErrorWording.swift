import Planner

/// The Planner's fitting and plotting errors in the program's words: here the concepts become
/// the flags a user passes.
extension FittingError {
    var message: String {
        switch self {
        case .severalTasks(let file, let tasks):
            return "\(file) holds records of \(tasks.count) tasks (\(tasks.joined(separator: ", "))); "
                + "pass --task to fit one"
        case .noData: return "no data: pass a CSV file, or --task to fit the bundled Tables 8-10"
        case .nothingToHoldOut(let threshold):
            return "no record has a prompt over \(Quantities.formatTokens(threshold)) tokens to hold out; "
                + "expected a lower --holdout-above"
        case .shotsNeedTask(let location):
            return "\(location): shots need a task's token lengths; add a 'task' column or pass --task"
        case .presetExists(let path): return "'\(path)' exists; pass --force to replace it"
        case .noRecordsOfTask(let file, let task): return "\(file): no records of task '\(task)'"
        case .noBundledObservations(let task): return "no bundled observations for task '\(task)'; pass a CSV file"
        case .tooFewRecords(let records, let parameters):
            return "\(records) record\(records == 1 ? "" : "s") cannot determine \(parameters) parameters; "
                + "expected more records than parameters"
        case .nothingToLeaveOut(let split):
            let groups =
                switch split {
                case .model: "models"
                case .contextLimit: "context limits"
                case .extrapolation: "compute levels"
                }
            return "nothing to leave out: expected records of several \(groups), "
                + "each fold leaving more records than the law has parameters"
        case .needsParamsAndTokens(let form, let missing, let example):
            return "the \(form.rawValue) law sees parameters N and tokens D apart, but \(missing) records give "
                + "compute alone (\(example) the first); expected a model preset, or 'params' and 'tokens' columns"
        }
    }
}

/// Printed as its message wherever it is caught (the command loop, a preset folder's report).
extension FittingError: CustomStringConvertible {
    public var description: String { message }
}

extension PlotError {
    var message: String {
        switch self {
        case .computeNeedsContextLimit: return "--compute needs --nctx: the context limit of each curve, e.g. --nctx 8k"
        case .nothingToPlot: return "nothing to plot: pass --model or --compute with --nctx"
        case .emptyPromptRange(let low, let lowIsDefault, let high, let highIsDefault):
            let start =
                lowIsDefault
                ? "the one-shot prompt, \(Quantities.formatTokens(low)) tokens (the default --from),"
                : "--from \(Quantities.formatTokens(low))"
            let end =
                highIsDefault
                ? "twice the longest limit, \(Quantities.formatTokens(high)) tokens (the default --upto)"
                : "--upto \(Quantities.formatTokens(high))"
            return "\(start) is not below \(end); expected a range of prompt lengths"
        case .limitBelowZeroShotPrompt(let limit, let task, let zeroShot):
            return "--nctx \(Quantities.formatTokens(limit)) is shorter than \(task)'s zero-shot prompt of "
                + "\(Quantities.formatTokens(zeroShot)) tokens, so every prompt is cut by the limit; "
                + "expected a limit at least that long"
        }
    }
}

extension SessionCommand {
    /// Runs `body`, putting the Planner's fitting and plotting errors in the program's words.
    func worded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as FittingError {
            throw InputError(error.message)
        } catch let error as PlotError {
            throw InputError(error.message)
        }
    }
}
