import XCTest

@testable import ContextScaling

/// Generated properties of the inverse solvers over random laws within Table 3's bounds (the
/// fit's ParameterSpace, every law form) and random prompt layouts, with the boundaries drawn on
/// purpose: a target equal to the best score, to the zero-shot score, to the ceiling and to the
/// score at 1 FLOP; no shots allowed; limits below the zero-shot prompt; the decay form's model
/// extended up to 32x past its native limit. Each answer is checked
/// against brute force computed here from the forward law: every shot count enumerated, and the
/// compute's closed form.
final class SolverPropertyTests: XCTestCase {
    struct Case: CustomStringConvertible {
        var law: ContextScalingLaw
        var layout: PromptLayout
        var flops: Double
        var nCtx: Double
        var maxShots: Int

        var description: String {
            "law \(law.form) \(law.values), layout \(layout), C \(flops), n_ctx \(nCtx), maxShots \(maxShots)"
        }

        func score(_ shots: Int) -> Double {
            law.score(flops: flops, promptTokens: layout.promptTokens(shots: shots), contextLimit: nCtx)
        }
    }

    /// A uniform draw in log space between two positive ends.
    static func logUniform(_ low: Double, _ high: Double, _ rng: inout SeededGenerator) -> Double {
        exp(log(low) + rng.unit() * (log(high) - log(low)))
    }

    /// A random case: coordinates anywhere in the fit's bounds (the scales, exponents and
    /// coefficients log-uniform so that small and large values are both drawn), a layout of
    /// 1 to 2,000 base tokens and 1 to 3,000 per shot, one limit in eight below the zero-shot
    /// prompt, and one search in eight allowed no shots.
    static func randomCase(_ rng: inout SeededGenerator) -> Case {
        let form = AnyLawForm.allCases[Int(rng.next() % UInt64(AnyLawForm.allCases.count))]
        let space = ParameterSpace(form: form)
        let x = space.lower.indices.map { j -> Double in
            let low = space.lower[j]
            let high = space.upper[j]
            // Coefficients and exponents span orders of magnitude: drawn log-uniform; log10
            // scales and signed parameters uniform.
            let spansMagnitudes = ["A", "alpha", "B", "beta", "alpha_N", "beta_D"].contains(space.parameters[j].name)
            return spansMagnitudes ? logUniform(low, high, &rng) : low + rng.unit() * (high - low)
        }
        // One layout in sixteen has shots of no tokens: every prompt is the zero-shot one.
        let shotTokens = rng.next() % 16 == 0 ? 0 : logUniform(1, 3000, &rng)
        let layout = PromptLayout(baseTokens: logUniform(1, 2000, &rng), shotTokens: shotTokens)
        let nCtx =
            rng.next() % 8 == 0
            ? layout.baseTokens * (0.1 + 0.85 * rng.unit())
            : logUniform(16, 262_144, &rng)
        let maxShots = rng.next() % 8 == 0 ? 0 : Int(rng.next() % 400) + 1
        // An extended model, for the form whose score depends on it: 1 to 32 times past the limit
        // it was pre-trained with (one in six at its own limit).
        let doublings = Double(rng.next() % 6)
        let native = form == .decay && doublings > 0 ? nCtx / pow(2, doublings) : nil
        return Case(
            law: space.law(x).forModel(nativeLimit: native), layout: layout, flops: logUniform(1e15, 1e32, &rng),
            nCtx: nCtx, maxShots: maxShots)
    }

    func testShotSolversAgreeWithEnumerationOnGeneratedLaws() {
        var rng = SeededGenerator(seed: 0x5EED_0008)
        var boundaryTargetsReached = 0
        var forms = Set<AnyLawForm>()
        for index in 0..<3000 {
            let c = Self.randomCase(&rng)
            forms.insert(c.law.form)
            let scores = (0...c.maxShots).map(c.score)
            let bruteBest = scores.max() ?? 0
            let best = InverseSolvers.bestShots(
                law: c.law, flops: c.flops, contextLimit: c.nCtx, layout: c.layout, maxShots: c.maxShots)
            XCTAssertEqual(best.score, bruteBest, "case \(index): \(c)")
            XCTAssertEqual(best.shots, scores.firstIndex(of: bruteBest), "case \(index): ties go to fewer shots; \(c)")
            XCTAssertEqual(best.score, c.score(best.shots))

            let ceiling = c.law.ceiling(promptTokens: best.promptTokens, contextLimit: c.nCtx)
            let targets = [
                best.score, scores[0], ceiling, best.score.nextUp, best.score.nextDown,
                best.score * rng.unit(), scores[0] + rng.unit() * (best.score - scores[0]),
            ]
            for (number, target) in targets.enumerated() {
                let solution = InverseSolvers.fewestShots(
                    reaching: target, law: c.law, flops: c.flops, contextLimit: c.nCtx,
                    layout: c.layout, maxShots: c.maxShots)
                let bruteFewest = scores.firstIndex { $0 >= target }
                switch solution {
                case .reached(let choice, let threshold):
                    XCTAssertEqual(choice.shots, bruteFewest, "case \(index), target \(target): \(c)")
                    XCTAssertEqual(choice.score, scores[choice.shots])
                    if number == 0 { boundaryTargetsReached += 1 }
                    checkThreshold(threshold, choice: choice, target: target, c, index)
                case .unreachable(let bestChoice):
                    XCTAssertNil(bruteFewest, "case \(index), target \(target) is reached by enumeration: \(c)")
                    XCTAssertEqual(bestChoice, best)
                }
            }
        }
        // Every case's own best score is a target it reaches.
        XCTAssertEqual(boundaryTargetsReached, 3000)
        XCTAssertEqual(forms, Set(AnyLawForm.allCases))
    }

    /// The crossing lies between the chosen prompt and the one before it (one token for zero
    /// shots), and the score there is the target; none is reported only where one token reaches.
    func checkThreshold(_ threshold: Double?, choice: ShotChoice, target: Double, _ c: Case, _ index: Int) {
        let below = choice.shots > 0 ? c.layout.promptTokens(shots: choice.shots - 1) : 1
        guard let threshold else {
            XCTAssertGreaterThanOrEqual(
                c.law.score(flops: c.flops, promptTokens: below, contextLimit: c.nCtx), target,
                "case \(index): no crossing reported, yet the prompt below misses the target")
            return
        }
        XCTAssertGreaterThanOrEqual(threshold, below, "case \(index)")
        XCTAssertLessThanOrEqual(threshold, choice.promptTokens, "case \(index)")
        // Scores down among the subnormals have no relative precision to compare.
        guard target > 1e-290 else { return }
        let atThreshold = c.law.score(flops: c.flops, promptTokens: threshold, contextLimit: c.nCtx)
        // At the crossing, unless it is within rounding of the chosen prompt itself.
        if threshold < choice.promptTokens {
            XCTAssertEqual(atThreshold, target, accuracy: 1e-8 * target, "case \(index), target \(target): \(c)")
        }
    }

    func testComputeSolverAgreesWithTheClosedFormOnGeneratedLaws() {
        var ladderCases = 0
        var rng = SeededGenerator(seed: 0x5EED_0009)
        var outcomes: [String: Int] = [:]
        var forms = Set<AnyLawForm>()
        for index in 0..<3000 {
            let c = Self.randomCase(&rng)
            forms.insert(c.law.form)
            // Any prompt up to twice the limit: past it the penalty has all but zeroed the ceiling.
            let nPmt = c.layout.promptTokens(shots: Int(rng.next() % UInt64(c.maxShots + 1)))
            let ceiling = c.law.ceiling(promptTokens: nPmt, contextLimit: c.nCtx)
            let atOneFlop = c.law.score(flops: 1, promptTokens: nPmt, contextLimit: c.nCtx)
            let targets = [
                ceiling, ceiling.nextDown, ceiling * rng.unit(), atOneFlop, atOneFlop.nextUp,
                ceiling * Self.logUniform(1e-12, 1, &rng), 1e-300,
            ]
            // Subnormal scores have no relative precision left to compare.
            for target in targets where target >= Double.leastNormalMagnitude {
                let solution = InverseSolvers.compute(
                    reaching: target, law: c.law, promptTokens: nPmt, contextLimit: c.nCtx)
                let context = "case \(index), target \(target), ceiling \(ceiling), n_pmt \(nPmt): \(c)"
                switch solution {
                case .unreachable(let reported):
                    outcomes["unreachable", default: 0] += 1
                    XCTAssertEqual(reported, ceiling)
                    // At the ceiling or within rounding of it.
                    XCTAssertGreaterThanOrEqual(target, ceiling * (1 - 1e-12), context)
                case .reachedAtAnyCompute:
                    outcomes["any", default: 0] += 1
                    // Below the ceiling, or at a chance floor, which every compute reaches (where
                    // the prompt is cut, the floor is the ceiling).
                    XCTAssertTrue(target < ceiling || target <= c.law.floor, context)
                    XCTAssertGreaterThanOrEqual(atOneFlop, target * (1 - 1e-9), context)
                case .beyondAnyCompute:
                    outcomes["beyond", default: 0] += 1
                    XCTAssertLessThan(target, ceiling, context)
                    let atMost = c.law.score(flops: 1e300, promptTokens: nPmt, contextLimit: c.nCtx)
                    XCTAssertLessThanOrEqual(atMost, target * (1 + 1e-9), context)
                case .reached(let flops):
                    outcomes["reached", default: 0] += 1
                    XCTAssertTrue(flops > 1 && flops <= 1e300, context)
                    XCTAssertLessThan(atOneFlop, target * (1 + 1e-9), "a target reached at 1 FLOP; \(context)")
                    // The share of the ceiling's product the compute factor must give: above any
                    // chance floor, and with any extension factor in the ceiling.
                    let productCeiling = c.law.productTarget(ceiling)
                    let q = c.law.productTarget(target) / productCeiling
                    guard productCeiling > 1e-290, q < 1 - 1e-6 else { continue }
                    guard let p = c.law.parameters else {
                        ladderCases += 1
                        assertLadderClosedForm(c.law, q: q, flops: flops, target: target, context: context)
                        continue
                    }
                    // A (C/Cc)^alpha = x = -log(1 - q), solved for C in logs.
                    let x = -log1p(-q)
                    let logClosed = log(p.Cc) + (log(x) - log(p.A)) / p.alpha
                    // The answer's conditioning: log q is known to a few ulps of log(target), and
                    // d log q / d log C = alpha x exp(-x) / (1 - exp(-x)), tiny for q near 1.
                    // Above a chance floor, target - floor keeps only target's absolute precision:
                    // a relative error of ulps x target / (target - floor) in q.
                    let slope = p.alpha * x * exp(-x) / -expm1(-x)
                    let logError = 1e-13 * max(1, abs(log(target))) + 1e-15 * target / (target - c.law.floor)
                    let tolerance = 1e-9 * max(1, abs(logClosed)) + logError / slope
                    XCTAssertEqual(log(flops), logClosed, accuracy: tolerance, context)
                }
            }
        }
        // The generator reaches every outcome and every form, so each branch above was tested.
        XCTAssertEqual(Set(outcomes.keys), ["unreachable", "any", "beyond", "reached"], "\(outcomes)")
        XCTAssertEqual(forms, Set(AnyLawForm.allCases))
        XCTAssertGreaterThan(ladderCases, 100)
    }

    /// The ladder's compute factor along its compute-optimal split is sigma(u - K R^-gamma) with
    /// R = C / 6 N0 D0, gamma = alpha_N beta_D / (alpha_N + beta_D), K = a G^-alpha_N + b G^beta_D
    /// and G = (alpha_N a / (beta_D b))^(1 / (alpha_N + beta_D)): so logit(q) = u - K R^-gamma
    /// gives C in closed form.
    private func assertLadderClosedForm(
        _ law: ContextScalingLaw, q: Double, flops: Double, target: Double, context: String
    ) {
        let v = law.values
        let (u, a, alpha, b, beta) = (v[0], v[1], v[2], v[3], v[4])
        // q is the share of the product's ceiling, which holds sigma(u): the compute factor
        // must reach q sigma(u).
        let factor = q / (1 + exp(-u))
        let gamma = alpha * beta / (alpha + beta)
        let logG = (log(alpha * a) - log(beta * b)) / (alpha + beta)
        let logK = log(a * exp(-alpha * logG) + b * exp(beta * logG))
        let loss = u - log(factor / (1 - factor))
        guard loss > 0, factor > 1e-12 else { return }
        let logClosed = log(6 * LadderForm.referenceParams * LadderForm.referenceTokens) + (logK - log(loss)) / gamma
        // d log factor / d log C = (1 - factor) gamma loss; the target is known to a few ulps,
        // relative to its height above the floor.
        let slope = (1 - factor) * gamma * loss
        let logError = 1e-13 * max(1, abs(log(target))) + 1e-15 * target / (target - law.floor)
        let tolerance = 1e-9 * max(1, abs(logClosed)) + logError / slope
        XCTAssertEqual(log(flops), logClosed, accuracy: tolerance, context)
    }

    /// No prompt fits a limit below the zero-shot prompt; the largest that fits is found exactly.
    func testMaxShotsFittingMatchesEnumerationOnGeneratedLayouts() {
        var rng = SeededGenerator(seed: 0x5EED_000A)
        for index in 0..<3000 {
            let layout = PromptLayout(
                baseTokens: Self.logUniform(1, 2000, &rng), shotTokens: Self.logUniform(1, 3000, &rng))
            let tokens = layout.baseTokens * Self.logUniform(0.1, 500, &rng)
            // The last shot count whose prompt fits, by bisection on the forward layout.
            var expected: Int? = nil
            if layout.promptTokens(shots: 0) <= tokens {
                var low = 0
                var high = 10_000_000
                while low < high {
                    let mid = (low + high + 1) / 2
                    if layout.promptTokens(shots: mid) <= tokens { low = mid } else { high = mid - 1 }
                }
                expected = low
            }
            XCTAssertEqual(layout.maxShots(fittingIn: tokens), expected, "case \(index): \(layout), \(tokens) tokens")
        }
    }
}
