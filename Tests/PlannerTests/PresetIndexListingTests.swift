import Foundation
import XCTest

@testable import Planner

/// The preset index lists folders with readdir and joins paths itself: as FileManager lists
/// and NSString joins, so that every path a message names is the one it named before.
final class PresetIndexListingTests: XCTestCase {
    func testAFolderListsAsFileManagerListsIt() throws {
        for kind in ["tasks", "models", "hardware", "observations"] {
            let path = Fixtures.presets + "/" + kind
            let listed = try XCTUnwrap(PresetIndex.names(in: path))
            XCTAssertFalse(listed.isEmpty)
            XCTAssertEqual(listed.sorted(), try FileManager.default.contentsOfDirectory(atPath: path).sorted())
        }
        XCTAssertNil(PresetIndex.names(in: Fixtures.presets + "/no-such-folder"))
        XCTAssertNil(PresetIndex.names(in: Fixtures.presets + "/tasks/arithmetic.json"))
    }

    func testPathsJoinAsNSStringJoinsThem() {
        for folder in ["/a/b", "/a/b/", "/a/b//", "/", "//", "a", "a/", "", "./x", "../y/"] {
            XCTAssertEqual(
                PresetIndex.joined(folder, "tasks"), (folder as NSString).appendingPathComponent("tasks"), folder)
        }
    }
}
