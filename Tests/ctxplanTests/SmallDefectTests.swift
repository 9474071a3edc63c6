import Foundation
import XCTest

/// The defects a fuzzing pass found (issue 18), each with its named error or right result.
final class SmallDefectTests: XCTestCase {
    func folder() throws -> String {
        let dir = TestFolders.path("defects")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Some editors write a UTF-8 byte-order mark first; it is no part of line 1's first word.
    func testAByteOrderMarkOnLineOneIsIgnoredInAScriptAndTheRCFile() throws {
        let dir = try folder()
        let bom = "\u{FEFF}"
        try (bom + "set task commonsense\nshow settings --json\n").write(
            toFile: dir + "/plan.ctx", atomically: false, encoding: .utf8)
        let script = try Harness.run([dir + "/plan.ctx"])
        XCTAssertEqual(script.status, 0, script.stderr)
        XCTAssertTrue(script.stdout.contains("\"task\": \"commonsense\""), script.stdout)
        try FileManager.default.createDirectory(atPath: dir + "/ctxplan", withIntermediateDirectories: true)
        try (bom + "set task translation\n").write(toFile: dir + "/ctxplan/ctxplanrc", atomically: false, encoding: .utf8)
        let rc = try Harness.run([], stdin: "show settings --json\n", environment: ["XDG_CONFIG_HOME": dir])
        XCTAssertEqual(rc.status, 0, rc.stderr)
        XCTAssertTrue(rc.stdout.contains("\"task\": \"translation\""), rc.stdout)
    }

    /// A device never ends: it is refused by name, as a pipe or socket would be.
    func testSourcingADeviceIsRefusedByName() throws {
        let r = try Harness.run([], stdin: "source /dev/zero\nsource /dev/null\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(
            r.stderr.split(separator: "\n").map(String.init),
            [
                "line 1: error: cannot read '/dev/zero': not a regular file (a device, pipe or socket); "
                    + "expected a script file",
                "line 2: error: cannot read '/dev/null': not a regular file (a device, pipe or socket); "
                    + "expected a script file",
            ])
    }

    /// A relative `source` inside a sourced file is found beside that file, wherever the
    /// session runs.
    func testARelativeSourceIsFoundBesideTheSourcingFile() throws {
        let dir = try folder()
        try FileManager.default.createDirectory(atPath: dir + "/plans", withIntermediateDirectories: true)
        try "source model.ctx\n".write(toFile: dir + "/plans/main.ctx", atomically: false, encoding: .utf8)
        try "set model llama-2-13b\n".write(toFile: dir + "/plans/model.ctx", atomically: false, encoding: .utf8)
        let r = try Harness.run([], stdin: "source \(dir)/plans/main.ctx\nshow settings --json\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\"model\": \"Llama-2-13B\""), r.stdout)
    }

    func testSetWithAWordTooManyNamesIt() throws {
        let r = try Harness.run([], stdin: "set nctx 8k extra\nshow settings --json\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(
            r.stderr, "line 1: error: 'extra' after 'set nctx 8k'; expected one value (quote a value that holds spaces)\n")
        XCTAssertTrue(r.stdout.contains("\"nctx\": null"), "nothing was set: \(r.stdout)")
    }

    /// A line that fails changes nothing: the good key before the bad one stays set.
    func testUnsetWithABadKeyClearsNothing() throws {
        let r = try Harness.run([], stdin: "set task arithmetic\nunset task bogus\nshow settings --json\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("cannot unset 'bogus'"), r.stderr)
        XCTAssertTrue(r.stdout.contains("\"task\": \"arithmetic\""), r.stdout)
    }

    /// `_` where no answer's quantity goes says to type the number.
    func testUnderscoreForAGPUCountSaysToTypeTheNumber() throws {
        let r = try Harness.run(
            [], stdin: "predict --task arithmetic --model llama-2-7b --shots 3 --json\nset gpus _\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(
            r.stderr.contains("'_' is the last answer's score (0.116), and no answer gives this quantity; "
                + "expected the number itself"), r.stderr)
    }

    func testNoRCBeforeAScriptRunsTheScript() throws {
        let dir = try folder()
        try "set task arithmetic\nshow settings --json\n".write(toFile: dir + "/s.ctx", atomically: false, encoding: .utf8)
        let r = try Harness.run(["--no-rc", dir + "/s.ctx"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\"task\": \"arithmetic\""), r.stdout)
    }

    /// A fit of too few records names the file they came from.
    func testAFitOfOneRowNamesTheFile() throws {
        let path = try folder() + "/one_row.csv"
        try "model,n_ctx,n_pmt,metric\nllama-2-7b,4096,200,0.3\n".write(toFile: path, atomically: false, encoding: .utf8)
        let r = try Harness.run(["fit", path, "--task", "arithmetic"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "error: '\(path)': 1 record cannot determine 6 parameters; expected more records than parameters\n")
    }

    /// A row whose n_ctx is below its model's native limit is the file's fault, at its line;
    /// no --nctx was given.
    func testARowBelowTheNativeLimitNamesTheFileAndLine() throws {
        let path = try folder() + "/below.csv"
        try "model,n_ctx,n_pmt,metric\nllama-2-7b,4096,200,0.3\nllama-2-7b,2048,100,0.3\n".write(
            toFile: path, atomically: false, encoding: .utf8)
        let r = try Harness.run(["fit", path, "--task", "arithmetic"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("error: \(path):3: n_ctx 2k is below Llama-2-7B's native limit of 4k"), r.stderr)
        XCTAssertFalse(r.stderr.contains("--nctx"), r.stderr)
    }

    /// `--out -` is standard output: the CSV, in place of the summary, and no file named `-`.
    func testImportOutDashWritesTheCSVToStandardOutput() throws {
        let dir = try folder()
        try "model,n_ctx,n_pmt,metric\nllama-2-7b,4096,200,0.3\n".write(
            toFile: dir + "/in.csv", atomically: false, encoding: .utf8)
        let r = try Shell.run(#""$CTXPLAN" import in.csv --task arithmetic --out -"#, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, r.stdout)
        XCTAssertTrue(lines.first?.hasPrefix("task,dataset,model,") ?? false, r.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/-"))
    }

    /// `plot --svg` and `heatmap --svg` replace a file only with --force, as `import --out` does.
    func testAnSVGIsReplacedOnlyWithForce() throws {
        let svg = try folder() + "/h.svg"
        try "mine".write(toFile: svg, atomically: false, encoding: .utf8)
        for command in [["heatmap", "--nctx", "4k"], ["plot", "--nctx", "4k"]] {
            let line = command + ["--task", "arithmetic", "--svg", svg]
            let refused = try Harness.run(line)
            XCTAssertEqual(refused.status, 2, command[0])
            XCTAssertEqual(refused.stderr, "error: '\(svg)' exists; pass --force to replace it\n")
            XCTAssertEqual(try String(contentsOfFile: svg, encoding: .utf8), "mine")
            let forced = try Harness.run(line + ["--force"])
            XCTAssertEqual(forced.status, 0, forced.stderr)
            XCTAssertTrue(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<"), command[0])
            try "mine".write(toFile: svg, atomically: false, encoding: .utf8)
        }
    }

    /// Ctrl-C while an answer is stuck in a full pipe, which its reader then drains: the run
    /// stops with "interrupted" alone (a write Ctrl-C cut short is part of what that says, not
    /// a second error). A single Ctrl-C cannot end a write that stays blocked; the second does.
    func testCtrlCWithTheOutputBlockedSaysInterruptedAlone() throws {
        let dir = try folder()
        let shots = (0..<500).map(String.init).joined(separator: ",")
        try "predict --task arithmetic --model llama-2-7b,llama-2-13b --shots \(shots) --json\n".write(
            toFile: dir + "/lines", atomically: false, encoding: .utf8)
        let script = """
            mkfifo '\(dir)/fifo'
            # timeout passes the Ctrl-C on (to the program alone: --foreground), and ends a run that would hang.
            timeout --foreground -s KILL 60 "$CTXPLAN" < '\(dir)/lines' > '\(dir)/fifo' 2> '\(dir)/err' &
            pid=$!
            exec 3< '\(dir)/fifo'
            # The first bytes say the answer is being written; the rest then fill the pipe.
            head -c1 <&3 >/dev/null
            sleep 0.5
            kill -INT $pid
            cat <&3 >/dev/null
            wait $pid
            echo "status $?"
            """
        let r = try Shell.run(script)
        let errors = try String(contentsOfFile: dir + "/err", encoding: .utf8)
        XCTAssertEqual(r.stdout, "status 130\n", errors)
        XCTAssertEqual(errors, "line 1: interrupted\n")
    }

    /// The harness reads both streams while it writes: more than a pipe's 64 KiB each way.
    func testTheHarnessNeitherStallsOnLargeInputNorOnLargeErrors() throws {
        let lines = (0..<4000).map { "bogus-\($0)-" + String(repeating: "x", count: 40) }
        let r = try Harness.run([], stdin: lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertGreaterThan(r.stderr.utf8.count, 65_536)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 4000)
    }
}
