import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// The model table an import needs: every unknown model named in one run, a template to fill
/// in, and config.json paths in place of parameter counts.
final class ModelTableTests: XCTestCase {
    private let configs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/configs").standardizedFileURL.path

    /// An lm-eval 0.4 results file of `model`, with the harness's parameter count.
    private func results(_ folder: String, _ file: String, model: String, embedded: Double? = nil) throws {
        let count = embedded.map { #", "model_num_parameters": \#(Int($0))"# } ?? ""
        let text = """
            {"results": {"piqa": {"acc,none": 0.62}}, "n-shot": {"piqa": 0},
            "config": {"model_args": "pretrained=\(model)"\(count)}}
            """
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
    }

    func testEveryUnknownModelIsNamedInOneRunAndTheTemplateFillsWhatTheCatalogueKnows() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try results(folder + "/a", "r.json", model: "acme/Tiny-1B", embedded: 1.1e9)
        try results(folder + "/b", "r.json", model: "meta-llama/Llama-3.1-8B")
        try results(folder + "/c", "r.json", model: "acme/Other-2B")
        try results(folder + "/d", "r.json", model: "mistralai/Mistral-7B-v0.1")
        let template = folder + "/models-template.csv"
        XCTAssertThrowsError(
            try Fixtures.planner.importResults(
                paths: [folder], settings: ImportSettings(shotLengths: PromptLayout(baseTokens: 40, shotTokens: 40),
                modelsTemplate: template))
        ) { error in
            guard case .unknownModels(let models, _) = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(models.map(\.name), ["acme/Tiny-1B", "acme/Other-2B", "mistralai/Mistral-7B-v0.1"])
            XCTAssertEqual(models.first?.parametersWithEmbeddings, 1.1e9)
            XCTAssertEqual(models.last?.preset, "Mistral-7B", "a preset whose tokens are not published")
        }
        let rows = try CSVTable(text: String(contentsOfFile: template, encoding: .utf8), file: template)
        XCTAssertEqual(rows.header, ModelTemplate.header)
        XCTAssertEqual(rows.rows.map { $0.fields[0] }, ["acme/Tiny-1B", "meta-llama/Llama-3.1-8B", "acme/Other-2B",
            "mistralai/Mistral-7B-v0.1"])
        let llama = try Fixtures.library.resolve(model: "Llama-3.1-8B")
        XCTAssertEqual(Double(rows.rows[1].fields[1]), llama.parameters)
        XCTAssertEqual(Double(rows.rows[1].fields[2]), 15e12)
        XCTAssertEqual(Double(rows.rows[1].fields[3]), 131072)
        XCTAssertEqual(rows.rows[0].fields[1], "", "the embedded total is no non-embedding count")
        XCTAssertEqual(Double(rows.rows[0].fields[5]), 1.1e9)
        XCTAssertEqual(rows.rows[3].fields[2], "", "Mistral publishes no tokens")
        // An unfilled row is named when the table is read; a filled-in one imports.
        XCTAssertThrowsError(try ModelTable.read(path: template)) {
            XCTAssertEqual($0 as? ImportError, .missingField(file: template + ":2", field: "params or config"))
        }
        XCTAssertThrowsError(
            try Fixtures.planner.importResults(paths: [folder], settings: ImportSettings(modelsTemplate: template))
        ) { XCTAssertEqual($0 as? ImportError, .outputExists(path: template), "a filled-in table is never replaced") }
    }

    func testAConfigColumnGivesTheParametersAndTheLimit() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: configs + "/olmo-2-7b.json", toPath: folder + "/olmo.json")
        try "name,params,tokens,n_ctx,config\nMy-OLMo,,4T,,olmo.json\nMine,1B,2T,8k,\n".write(
            toFile: folder + "/models.csv", atomically: true, encoding: .utf8)
        let table = try ModelTable.read(path: folder + "/models.csv")
        let olmo = try Fixtures.library.model("OLMo-2-7B")
        XCTAssertEqual(
            table.entries,
            [
                ModelTable.Entry(
                    name: "My-OLMo", params: try XCTUnwrap(olmo.countedParams), tokens: 4e12, nCtx: olmo.nCtx),
                ModelTable.Entry(name: "Mine", params: 1e9, tokens: 2e12, nCtx: 8192),
            ])
    }

    /// lm-eval names its output folders `org__name`: the catalogue's aliases place them.
    func testAnLmEvalFolderNameResolvesThroughTheCatalogue() throws {
        var resolver = ModelResolver(library: Fixtures.library, table: ModelTable())
        XCTAssertEqual(try resolver.resolve("meta-llama__Llama-3.1-8B", file: "f").name, "Llama-3.1-8B")
        XCTAssertEqual(try resolver.resolve("NousResearch/LLaMA-2-13B-YaRN-128K", file: "f").name, "Yarn-Llama-2-13B-128k")
    }
}
