import Foundation
import XCTest

/// The speed targets for intervals, measured on the binary the tests run: asserted on
/// a release binary (`make test` sets CTXPLAN_BINARY to one), printed on any.
final class IntervalSpeedTests: XCTestCase {
    var isRelease: Bool { ProcessInfo.processInfo.environment["CTXPLAN_BINARY"].map { !$0.isEmpty } ?? false }

    /// The first answer of a one-shot process, its 80% prediction interval included (1,000
    /// inverse solves): under 150 ms.
    func testAOneShotAnswerWithItsIntervalIsFast() throws {
        var times: [Double] = []
        for _ in 0..<5 {
            let start = Date()
            let r = try Harness.run(["compute-for", "0.55", "--task", "commonsense", "--shots", "5", "--nctx", "4k"])
            times.append(Date().timeIntervalSince(start))
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("(80%: "), r.stdout)
        }
        let median = times.sorted()[times.count / 2]
        print(String(format: "one-shot compute-for with its interval: %.0f ms median of 5", median * 1000))
        if isRelease { XCTAssertLessThan(median, 0.150) }
    }

    /// 1,000 cluster bootstrap draws (refits of whole-model resamples): under a second.
    func testAThousandClusterBootstrapDrawsTakeUnderASecond() throws {
        let r = try Harness.run(["fit", "--task", "arithmetic", "--bootstrap", "1000", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let seconds = try XCTUnwrap(json?["seconds"] as? Double)
        print(String(format: "fit with 1000 cluster bootstrap draws: %.3f s", seconds))
        if isRelease { XCTAssertLessThan(seconds, 1) }
    }
}
