import XCTest

@testable import Planner

/// Arithmetic in numbers, checked against Swift's own arithmetic on the same values.
final class ExpressionTests: XCTestCase {
    func value(_ text: String, _ kind: Quantities.Kind = .count, last: Measured? = nil, measure: Measure? = nil)
        throws -> Double
    {
        try Expression.evaluate(text, as: kind, measure: measure, last: last)
    }

    func problem(_ text: String, _ kind: Quantities.Kind = .count, last: Measured? = nil, measure: Measure? = nil)
        -> ExpressionError?
    {
        do {
            _ = try value(text, kind, last: last, measure: measure)
            return nil
        } catch let error as ExpressionError {
            return error
        } catch {
            XCTFail("\(text): \(error) is not an ExpressionError")
            return nil
        }
    }

    func testPrecedenceAndAssociativity() throws {
        XCTAssertEqual(try value("2+3*4"), 14)
        XCTAssertEqual(try value("(2+3)*4"), 20)
        XCTAssertEqual(try value("8/2/2"), 2, "left-associative division")
        XCTAssertEqual(try value("2-3-4"), -5, "left-associative subtraction")
        XCTAssertEqual(try value("-2*-3"), 6)
        XCTAssertEqual(try value("--4"), 4)
        XCTAssertEqual(try value("2*(3+(4-1))/3"), 4)
        XCTAssertEqual(try value(" 1 + 2 "), 3)
    }

    func testSuffixesFollowTheQuantity() throws {
        XCTAssertEqual(try value("6*7B*2T"), 6 * 7e9 * 2e12)
        XCTAssertEqual(try value("1.5e23-8.4e22"), 1.5e23 - 8.4e22)
        XCTAssertEqual(try value("2e-3*1e3"), 2e-3 * 1e3)
        XCTAssertEqual(try value("8k*4", .contextTokens), 32768, "k = 1024 for limits and prompts")
        XCTAssertEqual(try value("8k*4", .count), 32000, "k = 1000 for counts")
        XCTAssertEqual(try value("3_355_443_200/2"), 1_677_721_600)
        XCTAssertEqual(try value("(32k-512)/2", .contextTokens), (32768 - 512) / 2)
    }

    func testUnderscoreIsTheLastAnswerOfItsMeasure() throws {
        let flops = Measured(1.7e23, .flops)
        XCTAssertEqual(try value("2*_", last: flops, measure: .flops), 3.4e23)
        XCTAssertEqual(try value("_-7e22", last: flops, measure: .flops), 1.7e23 - 7e22)
        let score = Measured(0.132, .score)
        XCTAssertEqual(
            problem("_", last: score, measure: .flops)?.problem, .wrongMeasure(found: score, expected: .flops))
        XCTAssertEqual(problem("2*_", last: flops, measure: nil)?.problem, .wrongMeasure(found: flops, expected: nil))
        XCTAssertEqual(problem("_", measure: .flops)?.problem, .noLastAnswer)
    }

    func testMalformedInputPointsAtTheToken() {
        let cases: [(String, ExpressionError.Problem, String, Int)] = [
            ("2*(3+", .expectedOperand, "", 5),
            ("6*7Q", .unexpectedToken, "Q", 3),
            ("(2+3", .unclosedParenthesis, "(", 0),
            ("(2 3)", .expectedOperator, "3", 3),
            ("1/0", .divisionByZero, "/", 1),
            ("1e300*1e300", .overflow, "*", 5),
            ("1.2.3*2", .malformedNumber, "1.2.3", 0),
            ("2 3", .expectedOperator, "3", 2),
            ("*2", .expectedOperand, "*", 0),
            (")", .expectedOperand, ")", 0),
        ]
        for (text, expected, token, offset) in cases {
            let error = problem(text)
            XCTAssertEqual(error?.problem, expected, text)
            XCTAssertEqual(error?.token, token, text)
            XCTAssertEqual(error?.offset, offset, text)
        }
        let deep = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        XCTAssertEqual(problem(deep)?.problem, .tooDeep)
        XCTAssertEqual(problem(String(repeating: "-", count: 100) + "1")?.problem, .tooDeep)
    }

    /// Random expression trees, printed with every operation in parentheses and parsed back,
    /// give exactly what Swift computes on the tree.
    func testRandomExpressionsMatchIndependentArithmetic() throws {
        var generator = SystemRandomNumberGenerator()
        func tree(_ depth: Int) -> (text: String, value: Double) {
            if depth == 0 || Int.random(in: 0..<3, using: &generator) == 0 {
                let n = Double(Int.random(in: 1...999, using: &generator))
                return ("\(Int(n))", n)
            }
            let (l, r) = (tree(depth - 1), tree(depth - 1))
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: return ("(\(l.text)+\(r.text))", l.value + r.value)
            case 1: return ("(\(l.text)-\(r.text))", l.value - r.value)
            case 2: return ("(\(l.text)*\(r.text))", l.value * r.value)
            case 3 where r.value != 0: return ("(\(l.text)/\(r.text))", l.value / r.value)
            default: return ("-(\(l.text))", -l.value)
            }
        }
        for _ in 0..<2000 {
            let (text, expected) = tree(5)
            XCTAssertEqual(try value(text), expected, text)
        }
        // Without parentheses, precedence and left-association decide: a op b op c.
        for _ in 0..<2000 {
            let (a, b, c) = (Double.random(in: 1...99), Double.random(in: 1...99), Double.random(in: 1...99))
            let (x, y, z) = (String(a), String(b), String(c))
            XCTAssertEqual(try value("\(x)+\(y)*\(z)"), a + b * c)
            XCTAssertEqual(try value("\(x)-\(y)/\(z)"), a - b / c)
            XCTAssertEqual(try value("\(x)/\(y)*\(z)"), a / b * c)
            XCTAssertEqual(try value("\(x)-\(y)-\(z)"), a - b - c)
            XCTAssertEqual(try value("\(x)*\(y)-\(z)"), a * b - c)
        }
    }

    /// Random strings of the characters numbers and arithmetic use never crash: each is a
    /// finite value in range, or a typed rejection.
    func testFuzzedTokenStringsNeverCrash() {
        let alphabet = Array("0123456789.eEkKmMbBtT_+-*/() xQ")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let length = Int.random(in: 0...16, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            for kind in [Quantities.Kind.count, .contextTokens, .whole, .plain] {
                do {
                    let v = try Quantities.evaluate(
                        text, as: kind, what: "x", measure: .flops, last: Measured(1e23, .flops))
                    XCTAssertTrue(v.isFinite && v >= 0 && v <= kind.maximum, "\(text) -> \(v)")
                } catch is ExpressionError, is QuantityError {
                } catch {
                    XCTFail("\(text): untyped \(error)")
                }
            }
        }
    }

    func testResultsMustBeInTheQuantitysRange() {
        func rejection(_ text: String, _ kind: Quantities.Kind) -> QuantityError.Problem? {
            do {
                _ = try Quantities.evaluate(text, as: kind, what: "x")
                return nil
            } catch let error as QuantityError {
                return error.problem
            } catch {
                return nil
            }
        }
        XCTAssertEqual(rejection("1.5e23-8.4e23", .count), .negative)
        XCTAssertEqual(rejection("7/2", .whole), .notWhole)
        XCTAssertEqual(rejection("1.5", .whole), .notWhole, "a plain fraction is no whole number either")
        XCTAssertEqual(rejection("2-2", .count), .zero)
        XCTAssertEqual(rejection("1e30*1e30", .count), .tooLarge)
        XCTAssertEqual(rejection("1/2", .count), .lessThanOne)
        XCTAssertEqual(rejection("-5", .count), .negative, "a plain number keeps its own check")
        XCTAssertEqual(rejection("-(5)", .count), .negative)
    }

    /// Arithmetic costs microseconds, against a one-shot command's milliseconds: prints the mean.
    func testEvaluationTakesMicroseconds() throws {
        let texts = ["6*7B*2T", "1.5e23-8.4e22", "2*(_+1e22)/3", "(32k-512)/2"]
        let last = Measured(1.7e23, .flops)
        let rounds = 5000
        let clock = ContinuousClock()
        var sum = 0.0
        let elapsed = try clock.measure {
            for _ in 0..<rounds {
                for text in texts {
                    sum += try Quantities.evaluate(text, as: .count, what: "", measure: .flops, last: last)
                }
            }
        }
        XCTAssertGreaterThan(sum, 0)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let microseconds = seconds / Double(rounds * texts.count) * 1e6
        print("Expression: \(String(format: "%.2f", microseconds)) us per evaluation (\(rounds * texts.count) runs)")
    }
}
