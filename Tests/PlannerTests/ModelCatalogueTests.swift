import ContextScaling
import XCTest

@testable import Planner

/// The bundled model catalogue against its sources: every count the architecture gives is
/// checked against the total the source publishes, and every family answers a question.
final class ModelCatalogueTests: XCTestCase {
    private var catalogue: [ModelPreset] { Fixtures.library.models.filter { $0.architecture != nil } }

    func testEveryCountedTotalIsWithinTwoPercentOfTheSourcesPublishedTotal() {
        XCTAssertGreaterThan(catalogue.count, 50)
        for preset in catalogue {
            guard let counted = preset.architecture?.parameters else { continue }
            guard let published = preset.publishedTotalParams else {
                XCTFail("\(preset.name): no published total to check the architecture against")
                continue
            }
            XCTAssertEqual(counted.total / published, 1, accuracy: 0.02, "\(preset.name): \(counted.total) vs \(published)")
            if let active = preset.publishedActiveParams {
                XCTAssertEqual(
                    (counted.activeNonEmbedding + counted.embedding) / active, 1, accuracy: 0.02, "\(preset.name) active")
            }
            if let nonEmbedding = preset.publishedNonEmbeddingParams {
                // Model cards print two or three figures (Qwen's 0.36B): within 2% of them.
                XCTAssertEqual(counted.nonEmbedding / nonEmbedding, 1, accuracy: 0.02, "\(preset.name) non-embedding")
            }
            XCTAssertNotNil(preset.source, preset.name)
            XCTAssertNotNil(preset.family, preset.name)
        }
    }

    /// The Pythia paper's Table 1 non-embedding counts, and the Llama 2 counts of the context
    /// paper's Table 1, reproduced to the parameter: the function counts what they count.
    func testTheArchitectureReproducesPublishedNonEmbeddingCountsExactly() throws {
        let pythia: [(String, Double)] = [
            ("Pythia-70M", 18_915_328), ("Pythia-160M", 85_056_000), ("Pythia-410M", 302_311_424),
            ("Pythia-1B", 805_736_448), ("Pythia-1.4B", 1_208_602_624), ("Pythia-2.8B", 2_517_652_480),
            ("Pythia-6.9B", 6_444_163_072), ("Pythia-12B", 11_327_027_200),
            ("Llama-2-7B", 6_476_271_616), ("Llama-2-13B", 12_688_184_320),
        ]
        for (name, count) in pythia {
            let a = try XCTUnwrap(try Fixtures.library.model(name).architecture, name)
            XCTAssertEqual(a.parameters.nonEmbedding, count, name)
        }
        // Gemma 2's report gives both parts to the parameter.
        let gemma = try XCTUnwrap(try Fixtures.library.model("Gemma-2-2B").architecture)
        XCTAssertEqual(gemma.parameters.nonEmbedding, 2_024_517_888)
    }

    /// A mixture of experts trains its active parameters per token: Mixtral's 6ND uses the
    /// 2-of-8-expert count, not the 46.7B in all.
    func testAMixtureOfExpertsCountsItsActiveParametersInSixND() throws {
        let m = try Fixtures.library.resolve(model: "Mixtral-8x7B", tokens: 1e12)
        let a = try XCTUnwrap(try Fixtures.library.model("Mixtral-8x7B").architecture?.parameters)
        XCTAssertEqual(m.parameters, a.activeNonEmbedding)
        XCTAssertLessThan(a.activeNonEmbedding, 0.3 * a.nonEmbedding)
        XCTAssertEqual(m.flops, 6 * a.activeNonEmbedding * 1e12, accuracy: 1e9)
    }

    func testEveryFamilyAnswersACommonsenseQuestion() throws {
        let families = Dictionary(grouping: catalogue, by: { $0.family ?? "" })
        XCTAssertGreaterThanOrEqual(families.count, 15)
        for (family, presets) in families {
            for preset in presets {
                // Where the source publishes no tokens the question needs them given.
                let tokens = preset.pretrainTokens == nil ? 8e12 : nil
                let p = try Fixtures.planner.predict(
                    task: "commonsense", compute: .model(preset.name, tokens: tokens), prompt: .shots(5), nCtx: nil)
                XCTAssertTrue(p.score.isFinite && p.score > 0 && p.score < 1, "\(family) \(preset.name): \(p.score)")
            }
        }
    }

    func testAModelWithoutPublishedTokensAsksForThemByName() {
        XCTAssertThrowsError(try Fixtures.library.resolve(model: "mistral-7b")) { error in
            XCTAssertEqual(error as? PlannerError, .tokensNotPublished(model: "Mistral-7B"))
        }
        XCTAssertEqual(try Fixtures.library.resolve(model: "mistral-7b", tokens: 8e12).pretrainTokens, 8e12)
    }

    func testHubIDsAndTheirFolderNamesResolveThroughAliases() throws {
        let cases = [
            ("meta-llama/Llama-3.1-8B", "Llama-3.1-8B"), ("meta-llama__Llama-3.1-8B", "Llama-3.1-8B"),
            ("NousResearch/LLaMA-2-13B-YaRN-128K", "Yarn-Llama-2-13B-128k"),
            ("NousResearch__LLaMA-2-13B-YaRN-128K", "Yarn-Llama-2-13B-128k"),
            ("meta-llama/Llama-2-7b-hf", "Llama-2-7B"), ("Qwen/Qwen3-8B-Base", "Qwen3-8B"),
            ("EleutherAI/pythia-1.4b-deduped", "Pythia-1.4B"), ("google/gemma-3-27b-pt", "Gemma-3-27B"),
        ]
        for (id, name) in cases { XCTAssertEqual(try Fixtures.library.model(id).name, name, id) }
        // A name that is no alias is not guessed from its last part here: another org's
        // fine-tune of Llama-3.1-8B is another model.
        XCTAssertThrowsError(try Fixtures.library.model("someone/Llama-3.1-8B"))
    }

    /// A hub id is found by reading the one file named for its last part, not the folder:
    /// beside 200 malformed files, none is read.
    func testAHubIDLookupReadsOneFile() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: true)
        for i in 0..<200 { try Data("{ broken".utf8).write(to: URL(fileURLWithPath: "\(dir)/models/m-\(i).json")) }
        let reported = Reports()
        let library = PresetLibrary(directories: [dir], bundled: Fixtures.presets, report: reported.add)
        XCTAssertEqual(try library.resolve(model: "meta-llama/Llama-3.1-8B").name, "Llama-3.1-8B")
        XCTAssertEqual(reported.all, [])
    }
}
