import Foundation

/// File and folder names that complete a typed path, for the prompt and the shells' custom
/// completions: the entries of the typed folder (the current one when none is typed) whose names
/// start with what follows its last "/", folders with a "/" after them. Hidden entries only when
/// the typed name starts with ".".
enum PathCompletion {
    /// Paths completing `typed`; with `extensions`, only files that end in one of them (and every
    /// folder, which may hold some).
    static func candidates(for typed: String, extensions: [String] = [], foldersOnly: Bool = false) -> [String] {
        let slash = typed.lastIndex(of: "/")
        let folder = slash.map { String(typed[...$0]) } ?? ""
        let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let expanded = folder.hasPrefix("~/") ? NSHomeDirectory() + folder.dropFirst() : folder
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: expanded.isEmpty ? "." : expanded) else { return [] }
        return entries.sorted().compactMap { name -> String? in
            guard name.hasPrefix(namePrefix), namePrefix.hasPrefix(".") || !name.hasPrefix(".") else { return nil }
            var isFolder: ObjCBool = false
            _ = fm.fileExists(atPath: (expanded.isEmpty ? "" : expanded) + name, isDirectory: &isFolder)
            if isFolder.boolValue { return folder + name + "/" }
            if foldersOnly { return nil }
            guard extensions.isEmpty || extensions.contains(where: { name.hasSuffix("." + $0) }) else { return nil }
            return folder + name
        }
    }
}
