import Foundation
import XCTest

@testable import Planner

/// A model extended past its limit is known by its base's name and the limit, never by a
/// worded name: observations and plot curves find it by that identity.
final class ExtendedModelIdentityTests: XCTestCase {
    func testAnExtendedModelIsItsBaseAtTheNewLimit() throws {
        let extended = try Fixtures.library.resolve(model: "llama-2-7b", nCtx: 16384)
        XCTAssertEqual(extended.name, "Llama-2-7B")
        XCTAssertEqual(extended.extendedFrom, "Llama-2-7B")
        XCTAssertEqual(extended.nCtx, 16384)
        // 6 N (D + 400 x 64 x 16k): the recipe's tokens on top of the base's.
        let base = try Fixtures.library.resolve(model: "llama-2-7b")
        XCTAssertNil(base.extendedFrom)
        XCTAssertEqual(extended.flops, 6 * base.parameters * (base.pretrainTokens + 400 * 64 * 16384), accuracy: 1e9)

        let curves = try Fixtures.planner.curves(models: ["llama-2-7b"], computes: [], limits: [4096, 16384])
        XCTAssertEqual(curves.map(\.label), [.model("Llama-2-7B"), .extendedModel(base: "Llama-2-7B", nCtx: 16384)])
    }

    /// A user's record of Llama-2-7B at 16k is the 16k extension's: `table` shows it beside the
    /// prediction for that model and limit, and not at the base's own limit.
    func testTheTableFindsObservationsOfAnExtendedModelByIdentity() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/observations", withIntermediateDirectories: true)
        try "task,model,n_ctx,shots,metric\narithmetic,Llama-2-7B,16k,3,0.123\narithmetic,llama-2-7b,16k,7,0.321\n"
            .write(toFile: dir + "/observations/mine.csv", atomically: false, encoding: .utf8)
        let planner = Planner(library: PresetLibrary(directories: [dir], bundled: Fixtures.presets))
        let extended = try planner.table(task: "arithmetic", model: "llama-2-7b", nCtx: 16384)
        let observed = extended.rows.compactMap { row in row.observed.map { (row.shots, $0) } }
        XCTAssertEqual(observed.map(\.0), [3, 7])
        XCTAssertEqual(observed.map(\.1), [0.123, 0.321])
        let native = try planner.table(task: "arithmetic", model: "llama-2-7b", nCtx: nil)
        XCTAssertFalse(native.rows.contains { [0.123, 0.321].contains($0.observed) })
    }
}
