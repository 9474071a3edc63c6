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

    /// One folder for this test process's files, removed when the process exits (XCTest ends
    /// with exit()), so a run leaves nothing behind even where a test fails before cleaning up.
    static let temporaryRoot: String = {
        let root = NSTemporaryDirectory() + "ctxplan-planner-tests-\(getpid())-\(UUID().uuidString)"
        atexit { try? FileManager.default.removeItem(atPath: Fixtures.temporaryRoot) }
        return root
    }()

    /// A fresh temporary folder.
    static func temporaryDirectory() -> String {
        let dir = temporaryRoot + "/\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
