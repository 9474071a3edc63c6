/// What the readers share while an import runs: the settings, the models found so far, and the
/// datasets seen (to name them when the chosen task is in none of the files).
struct ImportContext {
    var settings: ImportSettings
    var library: PresetLibrary
    var models: ModelResolver
    private(set) var datasetsSeen: [String] = []

    init(settings: ImportSettings, library: PresetLibrary) {
        self.settings = settings
        self.library = library
        self.models = ModelResolver(library: library, table: settings.models)
    }

    /// Whether records of `dataset` are kept: all without a chosen task; else those of the task
    /// itself or of the bundled task it groups into.
    mutating func wants(dataset: String) -> Bool {
        if !datasetsSeen.contains(dataset) { datasetsSeen.append(dataset) }
        guard let chosen = settings.task else { return true }
        return DatasetGroups.key(chosen) == DatasetGroups.key(dataset)
            || DatasetGroups.task(forDataset: dataset) == chosen.lowercased()
    }

    /// The task a dataset's records are fitted as: the dataset itself when it was chosen by
    /// name (fitted one by one), else the bundled task it groups into, else itself.
    func taskName(forDataset dataset: String) -> String {
        if let chosen = settings.task, DatasetGroups.key(chosen) == DatasetGroups.key(dataset) { return dataset }
        return DatasetGroups.task(forDataset: dataset) ?? dataset
    }
}
