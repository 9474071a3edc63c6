import XCTest

@testable import ContextScaling

/// The pieces the fitter is built from: the parallel map and the coordinates of its polish.
final class FitterPartsTests: XCTestCase {
    func testParallelMapKeepsIndexOrderAndHandlesNoWork() {
        XCTAssertEqual(parallelMap(count: 1000) { $0 * $0 }, (0..<1000).map { $0 * $0 })
        XCTAssertEqual(parallelMap(count: 0) { $0 }, [])
    }

    /// Draws whose B sits at its bound of 100 (a fit's reported point where the data's middle nc
    /// would need a larger B), centred on a law with a smaller beta: each keeps the log argument
    /// the shift gives it, ln B + beta (ln n_ref - ln nc), and stays a law Table 3 accepts, its
    /// nc moved down the ridge where B would pass 100.
    func testCentredDrawsKeepTheirArgumentsWithinTheBounds() {
        let reference = log(1800.0)
        func argument(_ v: [Double]) -> Double { log(v[3]) + v[5] * (reference - log(v[4])) }
        let draws = (0..<40).map { i in
            ContextScalingLaw(form: .paper, values: [0.17, 1.1e23, 0.23, 100, 438.6, 3.7 + 0.01 * Double(i)])
        }
        let target = ContextScalingLaw(form: .paper, values: [5.55, 5.4e29, 0.23, 50, 300, 2.97])
        let centred = DrawCentring.centre(draws, on: target, logComputeReference: log(1e23), logPromptReference: reference)
        let shift = argument(target.values) - DrawStatistics.quantile(draws.map { argument($0.values) }, 0.5)
        for (draw, moved) in zip(draws, centred) {
            XCTAssertLessThanOrEqual(moved.values[3], 100)
            XCTAssertTrue(moved.values[4] > 0 && moved.values[4] <= 131_072, "\(moved.values)")
            XCTAssertEqual(argument(moved.values), argument(draw.values) + shift, accuracy: 1e-9)
        }
    }

    /// Over random points of every law form's box, the identifiable coordinates map back to a
    /// point inside the box with the same predictions (the flat line is all they drop).
    func testIdentifiableCoordinatesKeepEveryPrediction() {
        var rng = SeededGenerator(seed: 0x1DE7)
        let records = (0..<40).map { i in
            FitRecord(
                flops: exp(Double.random(in: log(1e20)...log(1e25), using: &rng)),
                nPmt: Double.random(in: 50...20_000, using: &rng), nCtx: [4096, 8192, 32768][i % 3], metric: 0.5)
        }
        let data = CompiledRecords(records)
        for index in 0..<2000 {
            let space = ParameterSpace(form: AnyLawForm.allCases[index % AnyLawForm.allCases.count])
            let draw = { (rng: inout SeededGenerator) in
                space.lower.indices.map { space.lower[$0] + rng.unit() * (space.upper[$0] - space.lower[$0]) }
            }
            let x = draw(&rng)
            let coordinates = IdentifiableCoordinates(space: space, data: data)
            let back = coordinates.canonical(x)
            XCTAssertEqual(space.clamp(back), back, "case \(index): outside the box")
            let (law, again) = (space.law(x), space.law(back))
            for r in records {
                let p = law.score(flops: r.flops, promptTokens: r.nPmt, contextLimit: r.nCtx)
                let q = again.score(flops: r.flops, promptTokens: r.nPmt, contextLimit: r.nCtx)
                XCTAssertEqual(q, p, accuracy: 1e-9 * max(p, 1e-300), "case \(index): \(x) -> \(back)")
            }
        }
    }
}
