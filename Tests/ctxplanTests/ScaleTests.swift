import Foundation
import XCTest

/// A million per-instance rows (0/1 scores) are every one counted by the fit, in memory that
/// follows the groups, not the rows: the reader folds repeated rows and the fit works on the
/// distinct (compute, prompt, limit) groups. (How fast is `make bench`'s to say.)
final class ScaleTests: XCTestCase {
    /// A million rows held one by one took 268 MB; folded they need a few tens.
    static let megabytesAllowed = 150.0

    /// One million rows over 10 compute levels x 2 limits x 12 prompt lengths (240 groups), each
    /// row a 0/1 draw from a known law, in the order an evaluation writes them (one instance of
    /// every group after another). Returns the file and the sum of squares of the scores about
    /// their groups' means: no law fits the rows with less.
    func writeMillionRows(to url: URL) throws -> Double {
        var groups: [(prefix: [UInt8], p: Double)] = []
        for k in 0..<10 {
            let flops = pow(10, 21 + 0.5 * Double(k))
            for nCtx in [4096.0, 8192] {
                for j in 0..<12 {
                    let nPmt = (50 * pow(1.6, Double(j))).rounded()
                    let compute = -expm1(-2 * pow(flops / 1e23, 0.3))
                    let context = -expm1(-1.5 * pow(nPmt / 500, 0.6))
                    let p = nPmt <= nCtx ? compute * context : 0
                    groups.append((Array("\(flops),\(Int(nCtx)),\(Int(nPmt)),".utf8), p))
                }
            }
        }
        var state: UInt64 = 0x5CA1E
        var ones = [Double](repeating: 0, count: groups.count)
        var counts = [Double](repeating: 0, count: groups.count)
        var text = Array("compute,n_ctx,n_pmt,metric\n".utf8)
        text.reserveCapacity(30_000_000)
        for row in 0..<1_000_000 {
            let g = row % groups.count
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let one = Double(state >> 11) * 0x1p-53 < groups[g].p
            text += groups[g].prefix
            text += one ? [49, 10] : [48, 10]
            ones[g] += one ? 1 : 0
            counts[g] += 1
        }
        try Data(text).write(to: url)
        // n p (1 - p) about a mean p of n 0/1 scores.
        return zip(ones, counts).reduce(0) { $0 + $1.0 * (1 - $1.0 / $1.1) }
    }

    func testAMillionRowsAreAllCountedInLittleMemory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctxplan-scale-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("million.csv")
        let scatter = try writeMillionRows(to: data)
        let output = dir.appendingPathComponent("fit.json")

        let run = try ChildRun(Harness.binary.path, ["fit", data.path, "--json"], stdout: output.path)
        let json = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any], "status \(run.status)")
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(json["n"] as? Int, 1_000_000)
        // Every row counted: the sum of squares is at least the scatter about the group means,
        // and a law fitted to 4,167 draws a group comes within sampling error of them.
        let rmse = try XCTUnwrap(json["rmse"] as? Double)
        XCTAssertGreaterThanOrEqual(rmse * rmse * 1e6, scatter * (1 - 1e-9))
        XCTAssertLessThan(rmse * rmse * 1e6, scatter + 240 * 0.25 * 4)
        XCTAssertLessThan(run.megabytes, Self.megabytesAllowed)
    }
}

/// A child process waited for with wait4, for its own peak resident memory (getrusage of all
/// children would report the largest any earlier test started).
struct ChildRun {
    var status: Int32
    var megabytes: Double

    init(_ path: String, _ arguments: [String], stdout: String) throws {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var raw: Int32 = 0
        var usage = rusage()
        wait4(pid, &raw, 0, &usage)
        status = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : -1
        // ru_maxrss is in kilobytes on Linux.
        megabytes = Double(usage.ru_maxrss) / 1024
    }
}
