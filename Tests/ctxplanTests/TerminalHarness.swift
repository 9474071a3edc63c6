import Foundation
import XCTest

/// Runs the built `ctxplan` on a pseudo-terminal (through util-linux `script`), so it is the
/// interactive REPL with libedit, and types at it as a person would: Ctrl-C goes through the
/// terminal's line discipline as a SIGINT, as it does for a person.
final class Terminal {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private(set) var screen = ""

    init(environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // `script` runs its command through $SHELL; `exec` makes the program the shell's
        // replacement, so Ctrl-C reaches only the program. A shell left waiting (dash, CI's
        // /bin/sh) takes the SIGINT too and ends with status 130 after the program's clean exit.
        let quoted = "'" + Harness.binary.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        process.arguments = ["-qfec", "exec " + quoted, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env["SHELL"] = "/bin/sh"
        env["NO_COLOR"] = "1"
        env["TERM"] = "xterm"
        env["LANG"] = "C.UTF-8"
        env["XDG_CONFIG_HOME"] = TestFolders.config
        env["XDG_STATE_HOME"] = TestFolders.state
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Runs one shell `command` on a pseudo-terminal to its end and returns everything it printed
    /// there, line ends as the terminal sends them ("\r\n"). `environment` changes the test's own:
    /// a nil value removes the variable.
    static func output(of command: String, environment: [String: String?]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qfec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends keys: text, "\r" for Enter, "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D.
    func type(_ keys: String) {
        input.fileHandleForWriting.write(Data(keys.utf8))
    }

    /// Reads what the program draws until `text` appears after `from` characters of the screen,
    /// or `timeout` seconds pass. Returns whether it appeared.
    @discardableResult
    func waitFor(_ text: String, after from: Int = 0, timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !screen.dropFirst(from).contains(text) {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return false }
            let source = output.fileHandleForReading.fileDescriptor
            var descriptor = pollfd(fd: source, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(left * 1000) + 1) > 0 else { continue }
            let count = read(source, &buffer, buffer.count)
            guard count > 0 else { return false }
            screen += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return true
    }

    /// Waits up to `timeout` seconds for the program to end; its status, or nil if still running.
    func exitStatus(within timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            waitFor("\u{0}", timeout: 0.02)  // keep draining, so the program never blocks on output
        }
        return process.isRunning ? nil : process.terminationStatus
    }
}
