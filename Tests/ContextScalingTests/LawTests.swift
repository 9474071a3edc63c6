import XCTest

@testable import ContextScaling

/// Table 4's fits, as in the paper.
enum Paper {
    static let arithmetic = ContextScalingLaw(
        LawParameters(A: 9.96, Cc: 9.7e29, alpha: 0.26, B: 62.24, nc: 1.3e5, beta: 0.56))
    static let commonsense = ContextScalingLaw(
        LawParameters(A: 99.39, Cc: 1.5e28, alpha: 0.40, B: 96.31, nc: 3.5e3, beta: 1.12))
    static let translation = ContextScalingLaw(
        LawParameters(A: 5.55, Cc: 5.4e29, alpha: 0.23, B: 31.82, nc: 3.0e2, beta: 2.97))
    static let laws = [arithmetic, commonsense, translation]
    static let arithmeticLayout = PromptLayout(baseTokens: 78.17, shotTokens: 75.74)
    static let commonsenseLayout = PromptLayout(baseTokens: 73.95, shotTokens: 73.17)
    static let translationLayout = PromptLayout(baseTokens: 96.17, shotTokens: 76.81)
    static let layouts = [arithmeticLayout, commonsenseLayout, translationLayout]
}

final class LawTests: XCTestCase {
    /// Eq. (1) written the naive way, valid where nothing under- or overflows.
    func naive(_ p: LawParameters, _ c: Double, _ n: Double, _ ctx: Double) -> Double {
        (1 - exp(-p.A * pow(c / p.Cc, p.alpha))) * (1 - exp(-p.B * pow(n / p.nc, p.beta))) / (1 + exp(-(ctx - n)))
    }

    func testMatchesNaiveFormWhereItIsSafe() {
        for law in Paper.laws {
            for c in [7.7715e22, 1.5251e23, 1e25] {
                for n in [78.0, 2426.11, 4000, 4090, 4100, 9697] {
                    let expected = naive(law.parameters!, c, n, 4096)
                    XCTAssertEqual(
                        law.score(flops: c, promptTokens: n, contextLimit: 4096), expected,
                        accuracy: 1e-14 + 1e-12 * expected)
                }
            }
        }
    }

    func testPenaltyIsOneHalfAtTheLimitAndReadsTheErratumTheRightWay() {
        let law = Paper.arithmetic
        let f = law.factors(flops: 1e23, promptTokens: 8192, contextLimit: 8192)
        XCTAssertEqual(f.penalty, 0.5)
        // A prompt that fits is not penalised (the paper's printed sign would give ~0 here).
        XCTAssertEqual(law.factors(flops: 1e23, promptTokens: 2000, contextLimit: 8192).penalty, 1)
        // 754 tokens over: e^-754 underflows; the penalty is 0, never NaN.
        let over = law.factors(flops: 1e23, promptTokens: 4850, contextLimit: 4096).penalty
        XCTAssertEqual(over, 0, accuracy: 1e-300)
        XCTAssertFalse(over.isNaN)
    }

    func testSpansComputeFrom1e18To1e30WithoutOverflowOrNaN() {
        for law in Paper.laws {
            var previous = 0.0
            for exponent in stride(from: 18.0, through: 30.0, by: 0.5) {
                let c = pow(10, exponent)
                let f = law.computeFactor(flops: c)
                XCTAssertTrue(f.isFinite && f > 0 && f <= 1)
                // It rises with C until it saturates to exactly 1 in double precision.
                if f < 1 {
                    XCTAssertGreaterThan(f, previous, "compute factor rises with C")
                } else {
                    XCTAssertGreaterThanOrEqual(f, previous)
                }
                previous = f
                // Log-space compute factor agrees with the factor itself.
                XCTAssertEqual(law.logComputeFactor(logCompute: log(c)), log(f), accuracy: 1e-12)
            }
        }
        // At extreme inputs the product stays in [0, 1].
        for c in [1.0, 1e-300, 1e300, Double.greatestFiniteMagnitude] {
            let s = Paper.arithmetic.score(flops: c, promptTokens: 1e6, contextLimit: 1)
            XCTAssertTrue(s.isFinite && s >= 0 && s <= 1)
        }
    }

    func testComputeFactorAtPaperPointMatchesHandComputation() {
        // 1 - exp(-9.96 (7.7715e22 / 9.7e29)^0.26), computed step by step.
        let ratio = 7.7715259392e22 / 9.7e29
        let expected = 1 - exp(-9.96 * exp(0.26 * log(ratio)))
        XCTAssertEqual(Paper.arithmetic.computeFactor(flops: 7.7715259392e22), expected, accuracy: 1e-15)
        XCTAssertEqual(expected, 0.1326, accuracy: 5e-5)
    }

    func testVariantPenalties() {
        let p = Paper.arithmetic.parameters!
        let none = ContextScalingLaw(p, form: .noPenalty)
        XCTAssertEqual(none.factors(flops: 1e23, promptTokens: 1e6, contextLimit: 4096).penalty, 1)
        let soft = ContextScalingLaw(p, form: .soft, extra: [3])
        // sigma(3 ln(4096/8192)) = 1 / (1 + 2^3)
        XCTAssertEqual(
            soft.factors(flops: 1e23, promptTokens: 8192, contextLimit: 4096).penalty, 1.0 / 9, accuracy: 1e-15)
        XCTAssertEqual(soft.form, .soft)
        XCTAssertEqual(
            soft.logPromptFactor(logPromptTokens: log(8192), contextLimit: 4096)
                - log(soft.contextFactor(promptTokens: 8192)), log(1.0 / 9), accuracy: 1e-12)
    }
}

final class ComputeAccountingTests: XCTestCase {
    /// Table 1's ten extended rows: 6 N (2T + 400 x 64 x n_ctx), to the paper's 5 figures.
    func testReproducesTableOneExtendedRows() {
        let rows: [(Double, Double, Double)] = [
            (6_476_271_616, 8192, 7.7723e22), (6_476_271_616, 16384, 7.7732e22), (6_476_271_616, 32768, 7.7748e22),
            (6_476_271_616, 65536, 7.7780e22), (6_476_271_616, 131072, 7.7846e22),
            (12_688_184_320, 8192, 1.5227e23), (12_688_184_320, 16384, 1.5229e23), (12_688_184_320, 32768, 1.5232e23),
            (12_688_184_320, 65536, 1.5239e23), (12_688_184_320, 131072, 1.5251e23),
        ]
        for (n, ctx, printed) in rows {
            let tokens = 2.0e12 + ComputeAccounting.extensionTokens(contextLimit: ctx)
            let c = ComputeAccounting.trainingFlops(parameters: n, tokens: tokens)
            let unit = pow(10, floor(log10(printed)) - 4)
            XCTAssertEqual((c / unit).rounded() * unit, printed, accuracy: unit * 1e-6, "n_ctx \(ctx)")
        }
        XCTAssertEqual(ComputeAccounting.extensionTokens(contextLimit: 8192), 209_715_200)
    }

    func testTableOneBaseRowsAreErrata() {
        // The paper prints 7.7719e22 and 1.5227e23; 6ND gives 7.7715e22 and 1.5226e23.
        XCTAssertEqual(
            ComputeAccounting.trainingFlops(parameters: 6_476_271_616, tokens: 2e12), 7.7715259392e22, accuracy: 1e9)
        XCTAssertEqual(
            ComputeAccounting.trainingFlops(parameters: 12_688_184_320, tokens: 2e12) / 1e23, 1.5226, accuracy: 5e-5)
    }

    func testAttentionTermAt128kIsAboutTwoPointSevenTimesSixN() {
        let n = 6_476_271_616.0
        let total = ComputeAccounting.flopsPerTokenWithAttention(
            parameters: n, layers: 32, contextLimit: 131072, attentionWidth: 4096)
        let ratio = (total - 6 * n) / (6 * n)
        XCTAssertEqual(ratio, 6 * 32 * 131072 * 4096 / (6 * n), accuracy: 1e-12)
        XCTAssertEqual(ratio, 2.65, accuracy: 0.01)
    }
}
