import XCTest

@testable import ContextScaling

/// Every law form, through the parts that loop over its parameter list.
final class LawFormTests: XCTestCase {
    func testEachFormHasTheSharedSixThenItsOwnUniquelyNamedParameters() {
        for form in AnyLawForm.allCases {
            let names = form.parameters.map(\.name)
            XCTAssertEqual(Set(names).count, names.count, "\(form): names are JSON keys, so unique")
            guard form != .ladder else { continue }
            XCTAssertEqual(Array(names.prefix(6)), ["A", "Cc", "alpha", "B", "nc", "beta"], "\(form)")
            XCTAssertEqual(form.parameterCount, 6 + form.extraParameters.count)
        }
        XCTAssertEqual(AnyLawForm.soft.extraParameters.map(\.name), ["s"])
        XCTAssertEqual(AnyLawForm.paper.parameterCount, 6)
        XCTAssertEqual(AnyLawForm.noPenalty.parameterCount, 6)
        XCTAssertEqual(
            AnyLawForm.ladder.parameters.map(\.name), ["u", "a", "alpha_N", "b", "beta_D", "B", "nc", "beta", "floor"])
    }

    /// The search box is each parameter's: log10 for the scales, within Table 3's interval,
    /// reaching its upper end.
    func testTheSearchBoxIsTheParametersOwnWithinTableThree() {
        for form in AnyLawForm.allCases {
            let space = ParameterSpace(form: form)
            XCTAssertEqual(space.dimension, form.parameterCount)
            for (j, parameter) in form.parameters.enumerated() {
                let low = parameter.value(space.lower[j])
                let high = parameter.value(space.upper[j])
                XCTAssertEqual(high, parameter.upper, accuracy: 1e-9 * parameter.upper, "\(form) \(parameter.name)")
                XCTAssertEqual(low, parameter.searchLower, accuracy: 1e-9 * parameter.searchLower)
                XCTAssertTrue(parameter.accepts(low) && parameter.accepts(high), "\(form) \(parameter.name)")
                XCTAssertEqual(space.names[j], (parameter.scale == .log10 ? "log10 " : "") + parameter.name)
            }
        }
        // The paper's numbers: Cc up to 1e30 FLOPs and nc up to 131,072 tokens, both on log10.
        let space = ParameterSpace(form: .soft)
        XCTAssertEqual(space.upper[1], 30)
        XCTAssertEqual(space.upper[4], log10(131_072))
        XCTAssertEqual(Array(space.lower[6...]), [-1])
        XCTAssertEqual(Array(space.upper[6...]), [3])
    }

    /// Random points of each form's box make a law whose coordinates are the point again, and
    /// whose values put in order make the same law.
    func testCoordinatesAndValuesRoundTripForEveryForm() {
        var rng = SeededGenerator(seed: 7)
        for form in AnyLawForm.allCases {
            let space = ParameterSpace(form: form)
            for _ in 0..<200 {
                let x = space.lower.indices.map { j in
                    space.lower[j] + Double(rng.next() % 1_000_000) / 1_000_000 * (space.upper[j] - space.lower[j])
                }
                let law = space.law(x)
                XCTAssertEqual(law.form, form)
                XCTAssertEqual(law.values.count, form.parameterCount)
                XCTAssertEqual(form.law(values: law.values), law)
                let back = space.coordinates(law)
                for j in x.indices {
                    XCTAssertEqual(back[j], x[j], accuracy: 1e-9 * max(1, abs(x[j])), "\(form) \(space.names[j])")
                }
            }
        }
    }

    func testTheSoftFormsSharpnessIsItsPenalty() {
        let p = LawParameters(A: 2, Cc: 1e22, alpha: 0.3, B: 5, nc: 100, beta: 0.5)
        let law = AnyLawForm.soft.law(values: p.values + [3])
        XCTAssertEqual(law.value("s"), 3)
        // sigma(3 ln(4096/8192)) = 1 / (1 + 2^3), independently of the code under test.
        let penalty = law.factors(flops: 1e23, promptTokens: 8192, contextLimit: 4096).penalty
        XCTAssertEqual(penalty, 1.0 / 9, accuracy: 1e-15)
        let far = (flops: 1e23, promptTokens: 1e6, contextLimit: 4096.0)
        XCTAssertEqual(AnyLawForm.noPenalty.law(values: p.values).factors(flops: far.flops, promptTokens: far.promptTokens, contextLimit: far.contextLimit).penalty, 1)
        XCTAssertEqual(AnyLawForm.paper.law(values: p.values).factors(flops: far.flops, promptTokens: far.promptTokens, contextLimit: far.contextLimit).penalty, 0)
    }
}
