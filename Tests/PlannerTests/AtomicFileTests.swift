import Foundation
import XCTest

@testable import Planner

final class AtomicFileTests: XCTestCase {
    /// A PID that belonged to a process which has exited, so no process has it now (barring
    /// reuse within the test, which `kill` checks again below).
    func deadPID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func testWriteRemovesOnlyItsOwnDeadTemporaries() throws {
        let dir = NSTemporaryDirectory() + "ctxplan-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = try deadPID()
        try XCTSkipIf(kill(dead, 0) == 0, "the PID was reused at once")
        let stale = AtomicFile.temporaryName(of: "mine.json", pid: dead)
        let live = AtomicFile.temporaryName(of: "mine.json", pid: getppid())
        let keep = [
            live, AtomicFile.temporaryName(of: "other.json", pid: dead), ".mine.json.12x.tmp",
            ".mine.json..tmp", "mine.json.\(dead).tmp",
        ]
        for name in [stale] + keep { try "half".write(toFile: dir + "/" + name, atomically: false, encoding: .utf8) }

        try AtomicFile.write(Data("whole\n".utf8), to: dir + "/mine.json")

        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
        XCTAssertEqual(left, Set(keep + ["mine.json"]), "only the dead writer's temporary for this file goes")
        XCTAssertEqual(try String(contentsOfFile: dir + "/mine.json", encoding: .utf8), "whole\n")
    }

    func testStaleTemporaryOfAKilledWriterIsCleanedUp() throws {
        // A writer killed between creating its temporary and the rename: `sleep` stands in for
        // it, holding the PID while alive; once it is killed its temporary is stale.
        let dir = NSTemporaryDirectory() + "ctxplan-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sleep")
        writer.arguments = ["30"]
        try writer.run()
        let temporary = dir + "/" + AtomicFile.temporaryName(of: "t.json", pid: writer.processIdentifier)
        try "half".write(toFile: temporary, atomically: false, encoding: .utf8)

        try AtomicFile.write(Data("1".utf8), to: dir + "/t.json")
        XCTAssertTrue(FileManager.default.fileExists(atPath: temporary), "a live writer's temporary is left alone")

        writer.terminate()
        writer.waitUntilExit()
        try AtomicFile.write(Data("2".utf8), to: dir + "/t.json")
        XCTAssertFalse(FileManager.default.fileExists(atPath: temporary), "the killed writer's temporary is gone")
        XCTAssertEqual(try String(contentsOfFile: dir + "/t.json", encoding: .utf8), "2")
    }

    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "ctxplan-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A pipe (as `/dev/stdout` often is) receives the data and stays a pipe: renaming over it
    /// replaced the node with a regular file, which for /dev/stdout or /dev/full as root broke
    /// the device for every program.
    func testAPipeIsWrittenInPlaceAndStaysAPipe() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/out.svg"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()

        try AtomicFile.write(Data("through the pipe\n".utf8), to: fifo)

        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a pipe")
        // Were it replaced, the reader would wait on the old pipe for ever.
        if info.st_mode & S_IFMT != S_IFIFO { reader.terminate() }
        let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        XCTAssertEqual(text, "through the pipe\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["out.svg"], "no temporary left")
    }

    func testALinkHasItsTargetReplacedAndStaysALink() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/kept", withIntermediateDirectories: true)
        try "old\n".write(toFile: dir + "/kept/task.json", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/task.json", withDestinationPath: "kept/task.json")

        try AtomicFile.write(Data("new\n".utf8), to: dir + "/task.json")

        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/task.json"), "kept/task.json")
        XCTAssertEqual(try String(contentsOfFile: dir + "/kept/task.json", encoding: .utf8), "new\n")
    }

    func testAFolderIsRefusedByName() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: dir)) { error in
            XCTAssertEqual(error as? WriteError, WriteError(path: dir, reason: .isFolder))
        }
    }
}
