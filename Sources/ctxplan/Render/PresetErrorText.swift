import Planner

/// Presets that cannot be had, and preset files the library skipped, in words.
extension PresetError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknown(let kind, let name, let known, let lookupNames):
            // A few names are a hint; thousands would bury the message.
            let shown = known.prefix(12).joined(separator: ", ")
            let more = known.count > 12 ? ", and \(known.count - 12) more (see 'presets')" : ""
            let otherwise = known.isEmpty ? "no \(kind.noun) presets are loaded" : "known: \(shown)\(more)"
            return "unknown \(kind.noun) \(InputError.quote(name))"
                + Suggestions.hint(for: name, among: lookupNames, otherwise: otherwise)
        case .misnamed(let kind, let name, let path, let presetName):
            return "unknown \(kind.noun) \(InputError.quote(name)); \(path) holds the \(kind.noun) '\(presetName)' "
                + "(its \"name\" field), which is the name to use"
        case .unreadableTaskFile(let path): return "task file '\(path)' cannot be read"
        case .invalidTaskFile(let path, let problem): return "\(path): \(problem)"
        }
    }
}

extension PresetKind {
    var noun: String {
        switch self {
        case .task: return "task"
        case .model: return "model"
        case .gpu: return "gpu"
        }
    }
}

extension PresetFileProblem: CustomStringConvertible {
    public var description: String {
        func exact(_ value: Double) -> String { Quantities.formatExact(value) }
        switch self {
        case .unreadable: return "cannot be read"
        case .notJSON: return "not valid JSON"
        case .missingField(let field): return "missing field '\(field)'"
        case .wrongType(let field, let detail): return "field '\(field)': wrong type (\(detail))"
        case .invalidValue(let field, let detail): return "field '\(field)': \(detail)"
        case .emptyName: return "field 'name': empty; expected a name"
        case .outOfRange(let field, let value, let accepted):
            return "field '\(field)': \(exact(value)) is outside the accepted range; expected \(accepted.text)"
        case .minAboveMax(let quantity, let min, let max):
            return "field 'fit_range.\(quantity)_min': \(exact(min)) is above fit_range.\(quantity)_max \(exact(max)); "
                + "expected min <= max"
        case .computeOutOfRange(let flops, let accepted):
            return "fields 'non_embedding_params' x tokens: 6ND = \(Quantities.formatScientific(flops)) FLOPs is "
                + "outside the accepted range; expected \(accepted.text)"
        case .fewerThanOneParameter(let compute, let tokens):
            return "field 'compute_paper': \(exact(compute)) over 6 x \(Quantities.formatScientific(tokens)) tokens "
                + "gives fewer than one parameter; expected 'non_embedding_params' or a larger compute"
        case .noParameterCount:
            return "missing field 'non_embedding_params' (or 'compute_paper', from which N is derived)"
        case .missingLawParameter(let field, let form, let accepted):
            return "missing field '\(field)': the \(form.rawValue) law needs \(accepted.text)"
        }
    }
}

extension AcceptedRange {
    /// "tokens in [1, 1073741824]", "a whole number of layers in [1, 1000000]".
    var text: String {
        let low = Quantities.formatExact(lower)
        let high = Quantities.formatExact(upper)
        let interval = openBelow ? "(\(low), \(high)]" : "[\(low), \(high)]"
        return whole ? "a whole number of \(unit.text) in \(interval)" : "\(unit.text) in \(interval)"
    }
}

extension AcceptedRange.Unit {
    var text: String {
        switch self {
        case .tokens: return "tokens"
        case .flops: return "FLOPs"
        case .parameters: return "parameters"
        case .layers: return "layers"
        case .dimensions: return "dimensions"
        case .scoreDifference: return "a score difference"
        case .flopsPerSecond: return "FLOP/s"
        case .lawParameter(let unit): return unit
        }
    }
}

/// One line of the warnings a presets folder gives as its files are read.
extension LibraryProblem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .bundledFolderMissing(let path):
            return "bundled presets folder '\(path)' not found: no bundled tasks, models or GPUs"
        case .skippedPreset(let path, let problem): return "skipped preset \(path): \(problem)"
        case .skippedObservations(let problem): return "skipped observations \(problem.text)"
        }
    }
}

extension ObservationFileProblem {
    var text: String {
        switch self {
        case .file(let error): return error.description
        case .number(let error): return error.description
        // A preset folder's file: no command's --task applies to it.
        case .shotsNeedTask(let location): return "\(location): shots need a task's token lengths; add a 'task' column"
        case .model(let error): return error.description
        }
    }
}
