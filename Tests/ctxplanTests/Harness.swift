import Foundation
import XCTest

/// Runs the built `ctxplan` binary as a user would: arguments, standard input, no terminal.
enum Harness {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static var binary: URL {
        // `make test` points the tests at the release binary it built: the program's speed is a
        // release build's, and a debug ArgumentParser re-checks the whole command tree on every
        // parse (40-130 ms a line), which would make the whole-program tests minutes long.
        if let path = ProcessInfo.processInfo.environment["CTXPLAN_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        // Otherwise the test bundle sits beside the products it tests.
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("ctxplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("ctxplan")
    }

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Result {
        try start(arguments, stdin: stdin, environment: environment).finish()
    }

    /// A running `ctxplan`, for tests that signal it before it ends.
    ///
    /// Its standard input is written, and its standard output and error read, each on a thread
    /// of its own from the start: a pipe holds 64 KiB, and a program that fills one while the
    /// test waits on another would otherwise never end.
    struct Running {
        let process: Process
        fileprivate let streams: Streams

        /// Ctrl-C, as the terminal would send it.
        func interrupt() { kill(process.processIdentifier, SIGINT) }

        func finish() -> Result {
            streams.done.wait()
            process.waitUntilExit()
            return Result(
                stdout: String(decoding: streams.out, as: UTF8.self),
                stderr: String(decoding: streams.err, as: UTF8.self), status: process.terminationStatus)
        }
    }

    /// What the threads read; each field is written by its thread alone, and read only after
    /// `done` says all three have ended.
    fileprivate final class Streams: @unchecked Sendable {
        var out = Data()
        var err = Data()
        let done = DispatchGroup()

        init(input: FileHandle, stdin: Data, output: FileHandle, errors: FileHandle) {
            Self.onThread(done) {
                // A program that exits before reading all its input closes the pipe: SIGPIPE is
                // ignored by the test process, so the write fails quietly instead.
                try? input.write(contentsOf: stdin)
                try? input.close()
            }
            Self.onThread(done) { self.out = output.readDataToEndOfFile() }
            Self.onThread(done) { self.err = errors.readDataToEndOfFile() }
        }

        private static func onThread(_ group: DispatchGroup, _ work: @escaping @Sendable () -> Void) {
            group.enter()
            Thread {
                work()
                group.leave()
            }.start()
        }
    }

    /// Starts the binary with `stdin` written to it and closed.
    static func start(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Running
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Keep the user's own presets and history out of the tests.
        env["XDG_CONFIG_HOME"] = TestFolders.config
        env["XDG_STATE_HOME"] = TestFolders.state
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let streams = Streams(
            input: input.fileHandleForWriting, stdin: Data(stdin.utf8), output: output.fileHandleForReading,
            errors: errors.fileHandleForReading)
        return Running(process: process, streams: streams)
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }
}
