import Foundation
import Synchronization

/// Every file and folder the tests write lives under one folder of this test process, removed
/// when the process exits, so a run leaves nothing in the system's temporary folder, even where
/// a test fails before its own clean-up.
enum TestFolders {
    /// `$TMPDIR/ctxplan-tests-PID-XXXXXXXX`, created on first use. The roots of earlier runs
    /// whose process is gone (one that crashed runs no exit handler) are removed first. Names
    /// are short: messages shorten a quoted path past 120 characters, and the tests compare
    /// messages that quote these paths whole (a macOS TMPDIR alone is about 50).
    static let root: String = {
        removeRootsOfEndedRuns()
        let root = NSTemporaryDirectory() + "ctxplan-tests-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        // XCTest ends the process with exit(), which runs this.
        atexit { try? FileManager.default.removeItem(atPath: TestFolders.root) }
        return root
    }()

    private static func removeRootsOfEndedRuns() {
        let temporary = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] {
            let parts = name.split(separator: "-")
            guard parts.count == 4, name.hasPrefix("ctxplan-tests-"), let pid = Int32(parts[2]) else { continue }
            // kill(pid, 0) fails with ESRCH once no process has that id.
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: temporary + name) }
        }
    }

    /// A fresh path under the root, named `name-N` (plus `suffix`), not yet created.
    static func path(_ name: String, suffix: String = "") -> String {
        root + "/\(name)-\(counter.add(1, ordering: .relaxed).newValue)\(suffix)"
    }

    private static let counter = Atomic<Int>(0)

    /// The XDG folders the program under test is given, so the user's rc file, presets and
    /// history stay out of the tests and the tests' stay out of the user's.
    static var config: String { root + "/config" }
    static var state: String { root + "/state" }
}
