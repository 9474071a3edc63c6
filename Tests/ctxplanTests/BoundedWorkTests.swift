import Foundation
import XCTest

/// The largest drawings the options allow are drawn whole (their speed is in `make bench`).
final class BoundedWorkTests: XCTestCase {
    /// 1000 columns by 200 rows: the shading's top was found again for every cell, so this took
    /// minutes (work growing with the square of the cells).
    func testTheWidestHeatmapDrawsWhole() throws {
        let r = try Harness.run([
            "heatmap", "--task", "arithmetic", "--nctx", "32k", "--width", "1000", "--height", "200", "--ascii",
        ])
        XCTAssertEqual(r.status, 0, r.stderr)
        let grid = r.stdout.split(separator: "\n").filter { $0.dropFirst(7).first == "|" }
        XCTAssertEqual(grid.count, 200, "one line per compute row")
        XCTAssertLessThanOrEqual(grid.map(\.count).max() ?? 0, 1000, "within the width asked for")
    }
}
