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
    struct Running {
        let process: Process
        let output: Pipe
        let errors: Pipe

        /// Ctrl-C, as the terminal would send it.
        func interrupt() { kill(process.processIdentifier, SIGINT) }

        func finish() -> Result {
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(
                stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                status: process.terminationStatus)
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
        env["XDG_CONFIG_HOME"] = NSTemporaryDirectory() + "ctxplan-tests-config"
        env["XDG_STATE_HOME"] = NSTemporaryDirectory() + "ctxplan-tests-state"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        return Running(process: process, output: output, errors: errors)
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }
}
