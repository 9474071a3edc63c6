import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// Every law form through the preset file and its validation.
final class LawFormPresetTests: XCTestCase {
    /// A law of `form` with every parameter at a distinct value inside its search interval.
    static func law(_ form: AnyLawForm, shift: Double = 0.3) -> ContextScalingLaw {
        form.law(
            values: form.parameters.map { p in
                let (low, high) = p.searchInterval
                return p.value(low + shift * (high - low))
            })
    }

    func testEveryFormRoundTripsThroughThePresetFile() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for form in AnyLawForm.allCases {
            var task = try Fixtures.library.task("translation")
            task.name = "mine-\(form.rawValue)"
            task.law = Self.law(form)
            task.draws = [Self.law(form, shift: 0.6), Self.law(form, shift: 0.9)]
            let path = dir + "/\(task.name).json"
            try PresetLibrary.save(task, to: path, overwrite: false)
            let back = try PresetLibrary.loadTask(path: path)
            XCTAssertEqual(back.law, task.law, "\(form)")
            // Loaded draws are centred on the preset's law (DrawCentring): the saved ones, moved.
            XCTAssertEqual(back.draws, TaskPresetFile.centred(task.draws, on: task.law, range: task.fitRange), "\(form)")
            XCTAssertNotEqual(back.draws, task.draws, "\(form): draws not centred on the law move")
            // The file holds exactly the form's parameters, under their names.
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let stored = json?["parameters"] as? [String: Double]
            XCTAssertEqual(Set(stored?.keys ?? [:].keys), Set(form.parameters.map(\.name)), "\(form)")
            XCTAssertEqual(json?["law"] as? String, form.rawValue)
        }
    }

    /// The decay law's forward fold on arithmetic misses by 28 decades of compute a decade: it is
    /// given as the 10 a preset accepts, so that the preset `fit --save` writes loads.
    func testExtrapolationGrowthStaysWithinWhatAPresetAccepts() throws {
        let records = try Fixtures.planner.fitRecords(file: nil, task: "arithmetic").records
        let fit = try Fixtures.planner.fit(name: "arithmetic", records: records, form: .decay, seed: 0)
        let growth = try Fixtures.planner.extrapolationGrowth(
            name: "arithmetic", records: records, form: .decay, law: fit.result.law, seed: 0)
        XCTAssertEqual(growth, PresetCheck.extrapolationGrowth.upper)
    }

    /// Validation accepts exactly Table 3's interval of each parameter, which contains the box
    /// a fit searches and shares its upper end: a fitted preset always loads.
    func testValidationBoundsAreTheParametersAndContainTheSearchBox() throws {
        for form in AnyLawForm.allCases {
            let space = ParameterSpace(form: form)
            for (j, parameter) in form.parameters.enumerated() {
                func load(_ value: Double) -> Error? {
                    var values = Self.law(form).values
                    values[j] = value
                    let names = form.parameters.map(\.name)
                    let file = TaskPresetFile.Parameters(values: Dictionary(uniqueKeysWithValues: zip(names, values)))
                    do {
                        _ = try file.law(form: form, field: "parameters")
                        return nil
                    } catch { return error }
                }
                let searchHigh = parameter.value(space.upper[j])
                let searchLow = parameter.value(space.lower[j])
                XCTAssertNil(load(searchHigh), "\(form) \(parameter.name) at the search's upper end")
                XCTAssertNil(load(searchLow), "\(form) \(parameter.name) at the search's lower end")
                XCTAssertNil(load(parameter.upper))
                let above = load(parameter.upper.nextUp) as? PresetFileProblem
                guard case .outOfRange("parameters.\(parameter.name)", parameter.upper.nextUp, _) = above else {
                    return XCTFail("\(form) \(parameter.name): \(String(describing: above))")
                }
                if parameter.includesLower {
                    // A chance floor of 0 (an open completion) is a floor; below it none is.
                    XCTAssertNil(load(parameter.lower), "\(form) \(parameter.name): the lower end is a value")
                    XCTAssertNotNil(load(parameter.lower.nextDown), "\(form) \(parameter.name)")
                } else {
                    XCTAssertNotNil(load(parameter.lower), "\(form) \(parameter.name): Table 3's lower end is open")
                }
                XCTAssertNotNil(load(.nan))
            }
        }
    }

    func testAMissingExtraParameterIsNamedWithWhatTheFormNeeds() throws {
        let p = Self.law(.paper).parameters!
        let file = TaskPresetFile.Parameters(values: [
            "A": p.A, "Cc": p.Cc, "alpha": p.alpha, "B": p.B, "nc": p.nc,
            "beta": p.beta,
        ])
        XCTAssertThrowsError(try file.law(form: .soft, field: "draws[2]")) { error in
            XCTAssertEqual(
                error as? PresetFileProblem,
                .missingLawParameter(
                    field: "draws[2].s", form: .soft,
                    accepted: AcceptedRange(
                        lower: 0, upper: 1000, openBelow: true, unit: .lawParameter("a sharpness"))))
        }
        XCTAssertEqual(try file.law(form: .paper, field: "parameters").values, p.values)
    }
}
