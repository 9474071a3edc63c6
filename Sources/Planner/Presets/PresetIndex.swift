import Foundation

/// The preset files of every folder, listed once when a library is made: listing is cheap
/// where reading thousands of files is not.
struct PresetIndex: Sendable {
    struct Folder: Sendable {
        /// Every file, folder by folder, names sorted within each: the order presets override in.
        var paths: [String] = []
        /// Positions in `paths` by lowercased file name without `.json`.
        var byStem: [String: [Int]] = [:]
    }

    private var folders: [String: Folder] = [:]

    /// Lists `tasks/`, `models/`, `hardware/` (`*.json`) and `observations/` (`*.csv`) of each
    /// directory; a missing one is skipped.
    init(directories: [String]) {
        for kind in ["tasks", "models", "hardware", "observations"] {
            var folder = Folder()
            for directory in directories {
                let path = PresetIndex.joined(directory, kind)
                guard let names = PresetIndex.names(in: path) else { continue }
                let suffix = kind == "observations" ? ".csv" : ".json"
                for name in names.sorted() where name.hasSuffix(suffix) {
                    let stem = String(name.dropLast(suffix.count)).lowercased()
                    folder.byStem[stem, default: []].append(folder.paths.count)
                    folder.paths.append(PresetIndex.joined(path, name))
                }
            }
            folders[kind] = folder
        }
    }

    /// The names in the folder at `path` (not `.` and `..`), nil when it cannot be listed: by
    /// readdir, as FileManager lists, without its Foundation objects (a third of a millisecond
    /// of every command's start).
    static func names(in path: String) -> [String]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `name` in `folder`, as NSString's appendingPathComponent joins them: a slash between
    /// unless `folder` ends with one.
    static func joined(_ folder: String, _ name: String) -> String {
        folder.isEmpty || folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    func paths(in kind: String) -> [String] { folders[kind]?.paths ?? [] }

    /// The files of `kind` named `stem` (lowercased, without the extension), in override order.
    func paths(in kind: String, stem: String) -> [String] {
        guard let folder = folders[kind] else { return [] }
        return folder.byStem[stem, default: []].map { folder.paths[$0] }
    }
}

/// A kind of preset the library holds: where its files live and how one is read and named.
protocol LibraryEntry: Sendable {
    static var folder: String { get }
    /// The kind, for messages.
    static var kind: PresetKind { get }
    static var cache: WritableKeyPath<LibraryState, EntryCache<Self>> & Sendable { get }
    /// Decodes and validates one file.
    static func read(_ data: Data, path: String) throws -> Self
    var presetName: String { get }
    /// The name and any aliases.
    var lookupNames: [String] { get }
}

extension TaskPreset: LibraryEntry {
    static var folder: String { "tasks" }
    static var kind: PresetKind { .task }
    static var cache: WritableKeyPath<LibraryState, EntryCache<Self>> & Sendable { \.tasks }
    static func read(_ data: Data, path: String) throws -> TaskPreset {
        try (TaskPresetFileReader.read(data) ?? JSONDecoder().decode(TaskPresetFile.self, from: data)).preset(path: path)
    }
    var presetName: String { name }
    var lookupNames: [String] { [name] }
}

extension ModelPreset: LibraryEntry {
    static var folder: String { "models" }
    static var kind: PresetKind { .model }
    static var cache: WritableKeyPath<LibraryState, EntryCache<Self>> & Sendable { \.models }
    static func read(_ data: Data, path: String) throws -> ModelPreset {
        let model = try ModelPresetFileReader.read(data) ?? JSONDecoder().decode(ModelPreset.self, from: data)
        try model.validate()
        return model
    }
    var presetName: String { name }
    var lookupNames: [String] { [name] + (aliases ?? []) }
}

extension HardwarePreset: LibraryEntry {
    static var folder: String { "hardware" }
    static var kind: PresetKind { .gpu }
    static var cache: WritableKeyPath<LibraryState, EntryCache<Self>> & Sendable { \.hardware }
    static func read(_ data: Data, path: String) throws -> HardwarePreset {
        let gpu = try JSONDecoder().decode(HardwarePreset.self, from: data)
        try gpu.validate()
        return gpu
    }
    var presetName: String { name }
    var lookupNames: [String] { [name] + (aliases ?? []) }
}

/// What a library has read so far; behind its lock.
struct LibraryState: Sendable {
    var tasks = EntryCache<TaskPreset>()
    var models = EntryCache<ModelPreset>()
    var hardware = EntryCache<HardwarePreset>()
    var observations: [Observation]?
    var ruler: [RulerRecord]?
    /// Every problem found, in the order found.
    var problems: [LibraryProblem] = []
}

enum FileOutcome<Entry: Sendable>: Sendable {
    case loaded(Entry)
    /// Malformed: the problem reported for it.
    case skipped(LibraryProblem)

    var entry: Entry? {
        if case .loaded(let entry) = self { return entry }
        return nil
    }
}

struct EntryCache<Entry: LibraryEntry>: Sendable {
    /// Files read so far, by path.
    var files: [String: FileOutcome<Entry>] = [:]
    /// Every file of the kind, merged; once something needed them all.
    var catalog: Catalog<Entry>?

    func outcome(_ path: String) -> FileOutcome<Entry>? { files[path] }
}

/// Every preset of one kind, merged: a later file replaces an earlier one of the same name,
/// except that a file named for its preset (`arithmetic.json` holding "arithmetic") is never
/// replaced by one that is not, as lookup by file name would find it first.
struct Catalog<Entry: LibraryEntry>: Sendable {
    let entries: [Entry]
    /// Position in `entries` by lowercased name or alias; a name before an alias, the first entry
    /// holding it otherwise.
    let byName: [String: Int]

    /// `files` in override order, with their paths. Linear in their number.
    init(_ files: [(path: String, entry: Entry)]) {
        var winner: [String: (position: Int, namedFile: Bool)] = [:]
        for (position, file) in files.enumerated() {
            let key = file.entry.presetName.lowercased()
            let stem = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
            let namedFile = stem == key
            if let current = winner[key], current.namedFile && !namedFile { continue }
            winner[key] = (position, namedFile)
        }
        let kept = files.enumerated().filter { winner[$0.element.entry.presetName.lowercased()]?.position == $0.offset }
        entries = kept.map(\.element.entry)
        var byName: [String: Int] = [:]
        for (i, entry) in entries.enumerated() { byName[entry.presetName.lowercased()] = i }
        for (i, entry) in entries.enumerated() {
            for alias in entry.lookupNames.dropFirst() where byName[alias.lowercased()] == nil {
                byName[alias.lowercased()] = i
            }
        }
        self.byName = byName
    }
}
