import ContextScaling

/// Why records cannot be fitted, held out or saved, as concepts: the program names the flags.
public enum FittingError: Error, Sendable, Equatable {
    /// A file holds several tasks' records and no task was chosen.
    case severalTasks(file: String, tasks: [String])
    /// Neither a file of records nor a task whose bundled records to fit.
    case noData
    /// No record's prompt is longer than the hold-out threshold.
    case nothingToHoldOut(threshold: Double)
    /// A record gives shots, but no task says how many tokens they are (`location`: file:line).
    case shotsNeedTask(location: String)
    /// Saving would replace a file, and replacing was not asked for.
    case presetExists(path: String)
    /// A file has no records of the chosen task.
    case noRecordsOfTask(file: String, task: String)
    /// No bundled records for the task and no file given.
    case noBundledObservations(task: String)
    /// Fewer records than the law form has parameters (or as many).
    case tooFewRecords(records: Int, parameters: Int)
    /// Every record is of one group of the split (one model, one limit, one compute level), or
    /// no fold leaves enough records to fit: nothing can be held out.
    case nothingToLeaveOut(split: HoldOutSplit)
    /// The law separates parameters from tokens (the ladder), and `missing` of the records give
    /// compute alone (no model preset, no params column); `example` is one of them (file:line).
    case needsParamsAndTokens(form: AnyLawForm, missing: Int, example: String)
}

/// Why a plot or heatmap cannot be drawn, as concepts: the program names the flags.
public enum PlotError: Error, Sendable, Equatable {
    /// A compute level was given without a context limit for its curve.
    case computeNeedsContextLimit
    /// No model and no compute level to draw.
    case nothingToPlot
    /// The prompt range is empty: `low` is not below `high`; each end says whether it is the
    /// default (the one-shot prompt, twice the longest limit) or the user's.
    case emptyPromptRange(low: Double, lowIsDefault: Bool, high: Double, highIsDefault: Bool)
    /// The limit is shorter than the task's zero-shot prompt, so every prompt is cut.
    case limitBelowZeroShotPrompt(limit: Double, task: String, zeroShotTokens: Double)
}
