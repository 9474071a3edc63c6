import Foundation
import XCTest

/// The built binary run through `/bin/sh`, for what `Harness.run` cannot set up: redirections
/// (`>/dev/full`, `2>&-`, `| head -c1`) and a working directory.
enum Shell {
    /// Runs `script` with `$CTXPLAN` naming the binary; returns its stdout, stderr and status.
    static func run(_ script: String, in directory: String? = nil) throws -> Harness.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var env = ProcessInfo.processInfo.environment
        env["CTXPLAN"] = Harness.binary.path
        env["NO_COLOR"] = "1"
        env["XDG_CONFIG_HOME"] = TestFolders.config
        env["XDG_STATE_HOME"] = TestFolders.state
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Output goes to files, which never fill and stall the child as a pipe can.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outPath = folder + "/stdout"
        let errPath = folder + "/stderr"
        for path in [outPath, errPath] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        process.waitUntilExit()
        let out = try Data(contentsOf: URL(fileURLWithPath: outPath))
        let err = try Data(contentsOf: URL(fileURLWithPath: errPath))
        return Harness.Result(
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// A fresh empty folder under the tests' temporary folder.
    static func temporaryFolder() throws -> String {
        let dir = TestFolders.path("test")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The REPL reading `lines` from a file, as `ctxplan < script` would. Unlike a stdin pipe
    /// written before the output is read, this cannot stall when both are large.
    static func session(_ lines: [String]) throws -> Harness.Result {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/script", atomically: false, encoding: .utf8)
        return try run(#""$CTXPLAN" <'"# + folder + #"/script'"#)
    }
}
