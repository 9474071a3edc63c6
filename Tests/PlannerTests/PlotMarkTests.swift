import ContextScaling
import XCTest

@testable import Planner

final class PlotMarkTests: XCTestCase {
    /// A remembered shots answer adds its curve and marks the knee and the best prompt on it,
    /// at the law's own scores there.
    func testAShotsAnswerMarksItsKneeAndBestOnItsCurve() throws {
        let task = try Fixtures.library.task("arithmetic")
        let mark = PlotMark.shots(task: "arithmetic", flops: 1.5e23, nCtx: 8192, knee: 500, best: 2000)
        let (curve, marks) = Planner.marked(mark, law: task.law)
        XCTAssertEqual(curve.flops, 1.5e23)
        XCTAssertEqual(curve.nCtx, 8192)
        XCTAssertEqual(marks.map(\.kind), [.knee(promptTokens: 500), .best(promptTokens: 2000)])
        XCTAssertEqual(marks[0].y, task.law.score(flops: 1.5e23, promptTokens: 500, contextLimit: 8192))
        XCTAssertEqual(marks[1].x, 2000)
        // compute-for marks its target, which the law reaches there by construction.
        let target = Planner.marked(
            .computeFor(task: "arithmetic", flops: 1e23, nPmt: 300, nCtx: 4096, target: 0.2),
            law: task.law
        ).1
        XCTAssertEqual(target.map(\.y), [0.2])
    }

    /// plot adds the answer's curve once, marks it, ignores another task's answer, and with no
    /// curve at all draws Figure 2's pair.
    func testPlotAddsTheAnswersCurveOnceAndOnlyForItsTask() throws {
        let task = try Fixtures.library.task("arithmetic")
        let mark = PlotMark.shots(task: "arithmetic", flops: 1.5e23, nCtx: 8192, knee: 500, best: 2000)
        let alone = try Fixtures.planner.plot(task: task, curves: [], limits: [], marking: mark)
        XCTAssertEqual(alone.series.map(\.flops), [1.5e23])
        XCTAssertEqual(alone.marks.count, 2)
        let same = CurveRequest(label: .model("mine"), flops: 1.5e23, nCtx: 8192)
        let drawn = try Fixtures.planner.plot(task: task, curves: [same], limits: [], marking: mark)
        XCTAssertEqual(drawn.series.map(\.label), [.model("mine")], "the answer's curve is drawn already")
        let other = try Fixtures.planner.plot(
            task: try Fixtures.library.task("commonsense"), curves: [], limits: [],
            marking: mark)
        XCTAssertEqual(other.marks.count, 0)
        let pair = try Fixtures.library.resolve(model: "Llama-2-7B", nCtx: 8192).flops
        XCTAssertEqual(other.series.count, 2)
        XCTAssertEqual(other.series[0].flops, pair)
        XCTAssertEqual(other.series[0].nCtx, 8192)
    }
}
