import Foundation

/// Every file and folder the tests write lives under one folder of this test process, removed
/// when the process exits, so a run leaves nothing in the system's temporary folder, even where
/// a test fails before its own clean-up.
enum TestFolders {
    /// `$TMPDIR/ctxplan-tests-PID-UUID`, created on first use.
    static let root: String = {
        let root = NSTemporaryDirectory() + "ctxplan-tests-\(getpid())-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        // XCTest ends the process with exit(), which runs this.
        atexit { try? FileManager.default.removeItem(atPath: TestFolders.root) }
        return root
    }()

    /// A fresh path under the root, named `name-UUID` (plus `suffix`), not yet created.
    static func path(_ name: String, suffix: String = "") -> String {
        root + "/\(name)-\(UUID().uuidString)\(suffix)"
    }

    /// The XDG folders the program under test is given, so the user's rc file, presets and
    /// history stay out of the tests and the tests' stay out of the user's.
    static var config: String { root + "/config" }
    static var state: String { root + "/state" }
}
