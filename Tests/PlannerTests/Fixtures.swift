import Foundation

@testable import Planner

enum Fixtures {
    /// The repository's own Presets/ folder.
    static let presets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Presets").standardizedFileURL.path

    static let library = PresetLibrary(directories: [presets])

    /// How many model presets are bundled: one per file, each named for its preset.
    static let bundledModelCount = (try? FileManager.default.contentsOfDirectory(atPath: presets + "/models"))?
        .filter { $0.hasSuffix(".json") }.count ?? 0
    static var planner: Planner { Planner(library: library) }

    /// A fresh temporary folder.
    static func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "ctxplan-tests-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
