import XCTest

@testable import ContextScaling

final class InverseSolverTests: XCTestCase {
    let limits: [Double] = [4096, 8192, 16384, 32768, 65536, 131072]

    /// The closed form of the compute solution: A (C/Cc)^alpha = -log(1 - q), q = target / ceiling.
    func closedFormCompute(_ law: ContextScalingLaw, target: Double, nPmt: Double, nCtx: Double) -> Double {
        let p = law.parameters!
        let q = target / law.ceiling(promptTokens: nPmt, contextLimit: nCtx)
        return exp(log(p.Cc) + (log(-log1p(-q)) - log(p.A)) / p.alpha)
    }

    func testComputeSolverAgreesWithClosedForm() {
        let law = Paper.arithmetic
        let n = Paper.arithmeticLayout.promptTokens(shots: 31)
        guard
            case .reached(let c) = InverseSolvers.compute(reaching: 0.16, law: law, promptTokens: n, contextLimit: 8192)
        else {
            return XCTFail("0.16 is below the ceiling")
        }
        XCTAssertEqual(c, closedFormCompute(law, target: 0.16, nPmt: n, nCtx: 8192), accuracy: c * 1e-11)
    }

    func testComputeSolverSaysUnreachableAtOrAboveTheCeiling() {
        let law = Paper.arithmetic
        let n = Paper.arithmeticLayout.promptTokens(shots: 63)
        let ceiling = law.ceiling(promptTokens: n, contextLimit: 4096)
        XCTAssertEqual(
            InverseSolvers.compute(reaching: 0.5, law: law, promptTokens: n, contextLimit: 4096),
            .unreachable(ceiling: ceiling))
        XCTAssertLessThan(ceiling, 1e-300)
    }

    /// predict(compute-for(x)) = x within 1e-9 over 10,000 random cases across the three tasks.
    func testComputeForRoundTripsOnTenThousandRandomCases() {
        var rng = SeededGenerator(seed: 1)
        var worst = 0.0
        for i in 0..<10_000 {
            let law = Paper.laws[i % 3]
            let layout = Paper.layouts[i % 3]
            let nCtx = limits.randomElement(using: &rng)!
            let shots = Int.random(in: 0...(Int(nCtx / layout.shotTokens) - 2), using: &rng)
            let n = layout.promptTokens(shots: shots)
            let ceiling = law.ceiling(promptTokens: n, contextLimit: nCtx)
            let target = ceiling * Double.random(in: 1e-6..<0.999, using: &rng)
            guard
                case .reached(let c) = InverseSolvers.compute(
                    reaching: target, law: law, promptTokens: n, contextLimit: nCtx)
            else {
                return XCTFail("case \(i): target \(target) below ceiling \(ceiling) not reached")
            }
            let back = law.score(flops: c, promptTokens: n, contextLimit: nCtx)
            worst = max(worst, abs(back - target) / target)
            let closed = closedFormCompute(law, target: target, nPmt: n, nCtx: nCtx)
            XCTAssertEqual(c, closed, accuracy: 1e-9 * closed, "case \(i)")
        }
        XCTAssertLessThan(worst, 1e-9)
    }

    /// The best shot count equals brute-force enumeration, ties to fewer shots.
    func testBestShotsMatchBruteForceOnTenThousandRandomCases() {
        var rng = SeededGenerator(seed: 2)
        for i in 0..<10_000 {
            let law = Paper.laws[i % 3]
            let layout = Paper.layouts[i % 3]
            let nCtx = limits[Int.random(in: 0..<4, using: &rng)]
            let flops = exp(Double.random(in: log(1e20)...log(1e27), using: &rng))
            let maxShots = Int.random(in: 0...Int(1.5 * nCtx / layout.shotTokens), using: &rng)
            let best = InverseSolvers.bestShots(
                law: law, flops: flops, contextLimit: nCtx, layout: layout, maxShots: maxShots)
            var bruteShots = 0
            var bruteScore = -1.0
            for s in 0...maxShots {
                let score = law.score(flops: flops, promptTokens: layout.promptTokens(shots: s), contextLimit: nCtx)
                if score > bruteScore {
                    bruteScore = score
                    bruteShots = s
                }
            }
            XCTAssertEqual(best.shots, bruteShots, "case \(i): nCtx \(nCtx), maxShots \(maxShots)")
            XCTAssertEqual(best.score, bruteScore)
        }
    }

    /// The fewest shots reach the target and one fewer does not, over 10,000 random cases.
    func testFewestShotsIsMinimalOnTenThousandRandomCases() {
        var rng = SeededGenerator(seed: 3)
        for i in 0..<10_000 {
            let law = Paper.laws[i % 3]
            let layout = Paper.layouts[i % 3]
            let nCtx = limits.randomElement(using: &rng)!
            let flops = exp(Double.random(in: log(1e21)...log(1e26), using: &rng))
            let maxShots = Int(nCtx / layout.shotTokens) + 5
            let best = InverseSolvers.bestShots(
                law: law, flops: flops, contextLimit: nCtx, layout: layout, maxShots: maxShots)
            let target = best.score * Double.random(in: 0.05...1.05, using: &rng)
            let score = { (s: Int) in
                law.score(flops: flops, promptTokens: layout.promptTokens(shots: s), contextLimit: nCtx)
            }
            switch InverseSolvers.fewestShots(
                reaching: target, law: law, flops: flops, contextLimit: nCtx, layout: layout, maxShots: maxShots)
            {
            case .reached(let choice, let found):
                XCTAssertGreaterThanOrEqual(choice.score, target, "case \(i)")
                if choice.shots > 0 {
                    XCTAssertLessThan(score(choice.shots - 1), target, "case \(i): one fewer also reaches")
                }
                // No crossing only where a one-token prompt already reaches the target.
                guard let threshold = found else {
                    XCTAssertEqual(choice.shots, 0, "case \(i)")
                    XCTAssertGreaterThanOrEqual(law.score(flops: flops, promptTokens: 1, contextLimit: nCtx), target)
                    continue
                }
                // The exact crossing lies at or before the chosen prompt, within one shot.
                XCTAssertLessThanOrEqual(threshold, choice.promptTokens * (1 + 1e-9))
                if choice.shots > 0 {
                    XCTAssertGreaterThan(threshold, layout.promptTokens(shots: choice.shots - 1))
                    let atThreshold = law.score(flops: flops, promptTokens: threshold, contextLimit: nCtx)
                    XCTAssertEqual(atThreshold, target, accuracy: 1e-9 * target, "case \(i)")
                }
            case .unreachable(let bestChoice):
                XCTAssertGreaterThan(target, best.score)
                XCTAssertEqual(bestChoice, best)
            }
        }
    }

    /// The solvers serve every law form: soft and no-penalty laws against brute force too.
    func testVariantLawsAgreeWithBruteForce() {
        var rng = SeededGenerator(seed: 4)
        for i in 0..<3000 {
            let base = Paper.laws[i % 3].parameters!
            let law =
                i % 2 == 0
                ? ContextScalingLaw(base, form: .soft, extra: [Double.random(in: 0.5...30, using: &rng)])
                : ContextScalingLaw(base, form: .noPenalty)
            let layout = Paper.layouts[i % 3]
            let nCtx = limits[Int.random(in: 0..<3, using: &rng)]
            let flops = exp(Double.random(in: log(1e21)...log(1e26), using: &rng))
            let maxShots = Int(2 * nCtx / layout.shotTokens)
            let best = InverseSolvers.bestShots(
                law: law, flops: flops, contextLimit: nCtx, layout: layout, maxShots: maxShots)
            let scores = (0...maxShots).map {
                law.score(flops: flops, promptTokens: layout.promptTokens(shots: $0), contextLimit: nCtx)
            }
            XCTAssertEqual(best.shots, scores.firstIndex(of: scores.max()!), "case \(i), \(law.form) \(law.extraValues)")
            let n = layout.promptTokens(shots: best.shots)
            let target = law.ceiling(promptTokens: n, contextLimit: nCtx) * 0.5
            if case .reached(let c) = InverseSolvers.compute(
                reaching: target, law: law, promptTokens: n, contextLimit: nCtx)
            {
                XCTAssertEqual(
                    law.score(flops: c, promptTokens: n, contextLimit: nCtx), target, accuracy: 1e-9 * target)
            } else {
                XCTFail("case \(i): half the ceiling is reachable")
            }
        }
    }

    func testMaxShotsFittingInRespectsTheBudgetExactly() {
        let layout = Paper.arithmeticLayout
        XCTAssertEqual(layout.maxShots(fittingIn: 4096), 53)  // 78.17 + 53 x 75.74 = 4092.39
        XCTAssertNil(layout.maxShots(fittingIn: 50))
        XCTAssertEqual(layout.maxShots(fittingIn: layout.promptTokens(shots: 7)), 7)
    }
}
