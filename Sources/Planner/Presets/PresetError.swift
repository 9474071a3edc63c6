import ContextScaling

/// The kinds of preset the library holds.
public enum PresetKind: Sendable, Equatable {
    case task, model, gpu
}

/// A preset that cannot be had: the facts, which the program words.
public enum PresetError: Error, Equatable, Sendable {
    /// No preset of `kind` is named `name`. `known` are the loaded presets' names in listing
    /// order; `lookupNames` every name they answer to (aliases too), the candidates for a
    /// suggestion.
    case unknown(kind: PresetKind, name: String, known: [String], lookupNames: [String])
    /// The file named for `name`, at `path`, holds the preset `presetName` instead.
    case misnamed(kind: PresetKind, name: String, path: String, presetName: String)
    /// A task preset file given by its path cannot be read.
    case unreadableTaskFile(path: String)
    /// A task preset file given by its path holds a malformed preset.
    case invalidTaskFile(path: String, PresetFileProblem)
}

/// What is wrong inside one preset file: a field missing, of the wrong type or out of range.
public enum PresetFileProblem: Error, Equatable, Sendable {
    case unreadable
    case notJSON
    case missingField(String)
    /// `detail` is the JSON decoder's own account.
    case wrongType(field: String, detail: String)
    case invalidValue(field: String, detail: String)
    case emptyName
    case outOfRange(field: String, value: Double, accepted: AcceptedRange)
    /// A `fit_range` whose `<quantity>_min` is above its `<quantity>_max`.
    case minAboveMax(quantity: String, min: Double, max: Double)
    /// 6 N D of a model preset's counts, each in range, is not.
    case computeOutOfRange(flops: Double, accepted: AcceptedRange)
    /// `compute_paper / (6 x tokens)` gives fewer than one parameter.
    case fewerThanOneParameter(compute: Double, tokens: Double)
    /// A model preset with neither `non_embedding_params` nor `compute_paper`.
    case noParameterCount
    /// A law parameter of `form` missing at `field`.
    case missingLawParameter(field: String, form: AnyLawForm, accepted: AcceptedRange)
}

/// An interval a preset's number must lie in; `openBelow` excludes the lower end (a positive
/// parameter), `whole` asks for a whole number (a count of layers or tokens).
public struct AcceptedRange: Equatable, Sendable {
    /// What the value counts.
    public enum Unit: Equatable, Sendable {
        case tokens, flops, parameters, layers, dimensions, scoreDifference, flopsPerSecond
        /// A law parameter, in the words of its form (`LawParameter.unit`).
        case lawParameter(String)
    }

    public var lower: Double
    public var upper: Double
    public var openBelow = false
    public var whole = false
    public var unit: Unit

    public init(lower: Double, upper: Double, openBelow: Bool = false, whole: Bool = false, unit: Unit) {
        self.lower = lower
        self.upper = upper
        self.openBelow = openBelow
        self.whole = whole
        self.unit = unit
    }

    public func contains(_ value: Double) -> Bool {
        value.isFinite && (openBelow ? value > lower : value >= lower) && value <= upper
            && (!whole || value == value.rounded())
    }
}

/// A file the library skipped, reported once as it is found and kept in `problems`.
public enum LibraryProblem: Equatable, Sendable {
    /// The bundled presets folder is not there: no bundled tasks, models or GPUs.
    case bundledFolderMissing(path: String)
    case skippedPreset(path: String, PresetFileProblem)
    case skippedObservations(ObservationFileProblem)
}

/// Why an observations file in a presets folder was skipped.
public enum ObservationFileProblem: Equatable, Sendable {
    case file(DataFileError)
    case number(QuantityError)
    /// A record gives shots and no task whose token lengths would make them prompt tokens.
    case shotsNeedTask(location: String)
    case model(PlannerError)
}
