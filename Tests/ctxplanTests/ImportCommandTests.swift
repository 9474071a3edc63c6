import Foundation
import XCTest

/// `import` and `fit` on a folder in the paper's evaluation format whose scores come from a known
/// law: the fit recovers the law, and the preset it saves answers in shots and in prompt tokens.
final class ImportCommandTests: XCTestCase {
    /// Table 4's arithmetic law, the truth the generated scores follow.
    static let truth = (A: 9.96, Cc: 9.7e29, alpha: 0.26, B: 62.24, nc: 130_000.0, beta: 0.56)
    static let baseTokens = 78.0
    static let shotTokens = 76.0

    /// Eq. (1) written out here, apart from the program's own.
    static func score(flops: Double, nPmt: Double, nCtx: Double) -> Double {
        let t = truth
        let compute = -expm1(-t.A * exp(t.alpha * (log(flops) - log(t.Cc))))
        let context = -expm1(-t.B * pow(nPmt / t.nc, t.beta))
        let penalty = 1 / (1 + exp(-(nCtx - nPmt)))
        return compute * context * penalty
    }

    static let presets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Presets").standardizedFileURL.path

    /// A model preset's 6ND compute and limit, read from its file.
    static func model(_ file: String) throws -> (flops: Double, nCtx: Double) {
        let data = try Data(contentsOf: URL(fileURLWithPath: presets + "/models/\(file).json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let n = json["non_embedding_params"] as! Double
        let d = (json["pretrain_tokens"] as! Double) + (json["extension_tokens"] as? Double ?? 0)
        return (6 * n * d, json["n_ctx"] as! Double)
    }

    /// Hub names (as the paper's files name them) and their preset files.
    static let models = [
        ("Llama-2-7b-hf", "llama-2-7b"), ("Llama-2-13b-hf", "llama-2-13b"),
        ("Yarn-Llama-2-7b-32k", "yarn-llama-2-7b-32k"), ("Yarn-Llama-2-13b-64k", "yarn-llama-2-13b-64k"),
    ]
    static let shots = [0, 1, 3, 7, 15, 31, 63, 127, 255]

    /// One file per dataset, model and shot count, three instances each whose prompt lengths
    /// scatter symmetrically about base + shots x per-shot tokens.
    static func writePaperFolder(_ dir: String) throws {
        for dataset in ["gsm", "math"] {
            let folder = dir + "/" + dataset
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (hub, preset) in models {
                let (flops, nCtx) = try model(preset)
                for k in shots {
                    let instances: [[String: Any]] = [-3.0, 0, 3].enumerated().map { i, jitter in
                        let n = baseTokens + Double(k) * shotTokens + jitter
                        return [
                            "instance_id": i, "prompt_length": n,
                            "metric_value": score(flops: flops, nPmt: n, nCtx: nCtx),
                        ]
                    }
                    let file: [String: Any] = [
                        "name": dataset, "metric": "exact_match", "n_shots": k, "instances": instances,
                        "metric_value": 0,
                    ]
                    let data = try JSONSerialization.data(withJSONObject: file)
                    try data.write(
                        to: URL(
                            fileURLWithPath: "\(folder)/dataset=\(dataset),model=\(hub),shots=\(k),local_seed=1.json"))
                }
            }
        }
    }

    func testAPaperFolderFitsWithOneCommandAndItsPresetAnswersInShotsAndTokens() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.writePaperFolder(dir + "/eval")
        let summary = try Shell.run(#""$CTXPLAN" import eval --out all.csv"#, in: dir)
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertTrue(summary.stdout.hasPrefix("read 216 records from 72 files (72 paper-eval)"), summary.stdout)
        XCTAssertTrue(summary.stdout.contains("arithmetic (gsm, math)"), summary.stdout)

        let fit = try Shell.run(
            #""$CTXPLAN" fit eval --save mine.json --name mine --metric "exact match" --json"#, in: dir)
        XCTAssertEqual(fit.status, 0, fit.stderr)
        let saved =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: dir + "/mine.json"))) as! [String: Any]
        XCTAssertEqual(saved["name"] as? String, "mine")
        XCTAssertEqual(saved["metric"] as? String, "exact match")
        XCTAssertTrue((saved["description"] as? String ?? "").contains("216 records of arithmetic"))
        let prompt = try XCTUnwrap(saved["prompt"] as? [String: Double])
        XCTAssertEqual(prompt["base_tokens"] ?? 0, Self.baseTokens, accuracy: 1e-6)
        XCTAssertEqual(prompt["shot_tokens"] ?? 0, Self.shotTokens, accuracy: 1e-6)
        // Two compute levels fix alpha and A Cc^-alpha, and many prompt lengths fix beta and
        // B nc^-beta; A, Cc, B and nc each lie on a ridge, so those four are not compared alone.
        let p = try XCTUnwrap(saved["parameters"] as? [String: Double])
        XCTAssertEqual(p["alpha"] ?? 0, Self.truth.alpha, accuracy: 0.01)
        XCTAssertEqual(p["beta"] ?? 0, Self.truth.beta, accuracy: 0.01)

        for (flags, nPmt) in [
            ("--shots 31", Self.baseTokens + 31 * Self.shotTokens), ("--prompt-tokens 3000", 3000.0),
        ] {
            let run = try Shell.run(
                #""$CTXPLAN" predict --task ./mine.json --model llama-2-13b --nctx 32k "# + flags + " --json", in: dir)
            XCTAssertEqual(run.status, 0, run.stderr)
            let answer = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            let flops = try XCTUnwrap(answer["compute"] as? Double)
            let expected = Self.score(flops: flops, nPmt: nPmt, nCtx: 32768)
            XCTAssertEqual(answer["score"] as? Double ?? 0, expected, accuracy: 2e-3, flags)
        }

        // The normalised CSV import wrote fits to the same law, and keeps the shot counts that
        // measure the token lengths.
        let again = try Shell.run(#""$CTXPLAN" fit all.csv --json --save again.json"#, in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        let refit = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as! [String: Any]
        XCTAssertLessThan(refit["mae"] as? Double ?? 1, 1e-3, again.stdout)
        let resaved = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: dir + "/again.json"))) as! [String: Any]
        let lengths = try XCTUnwrap(resaved["prompt"] as? [String: Double])
        XCTAssertEqual(lengths["shot_tokens"] ?? 0, Self.shotTokens, accuracy: 1e-6)
    }

    /// Without shot counts a saved preset has no token lengths: it answers in prompt tokens and,
    /// asked in shots, says what it lacks.
    func testAPresetFittedOnPromptTokensAloneAnswersInTokens() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var csv = "compute,n_ctx,n_pmt,metric\n"
        for flops in [1e22, 1e23, 1e24] {
            for n in stride(from: 100.0, through: 12_000, by: 700) {
                csv += "\(flops),8192,\(n),\(Self.score(flops: flops, nPmt: n, nCtx: 8192))\n"
            }
        }
        try csv.write(toFile: dir + "/tokens.csv", atomically: true, encoding: .utf8)
        let fit = try Shell.run(#""$CTXPLAN" fit tokens.csv --save own.json --metric "exact match""#, in: dir)
        XCTAssertEqual(fit.status, 0, fit.stderr)
        let saved =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: dir + "/own.json"))) as! [String: Any]
        XCTAssertNil(saved["prompt"], "no shots, so no token lengths")
        let tokens = try Shell.run(
            #""$CTXPLAN" predict --task ./own.json --compute 1e23 --nctx 8k --prompt-tokens 2000 --json"#, in: dir)
        XCTAssertEqual(tokens.status, 0, tokens.stderr)
        let answer = try JSONSerialization.jsonObject(with: Data(tokens.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(answer["score"] as? Double ?? 0, Self.score(flops: 1e23, nPmt: 2000, nCtx: 8192), accuracy: 2e-3)
        for question in ["predict --compute 1e23 --nctx 8k --shots 3", "shots --compute 1e23 --nctx 8k"] {
            let shots = try Shell.run(#""$CTXPLAN" "# + question + " --task ./own.json", in: dir)
            XCTAssertEqual(shots.status, 2, question)
            XCTAssertTrue(shots.stderr.contains("own has no token lengths for shots"), shots.stderr)
        }
    }

    func testAnUnknownModelIsNamedWithHowToAddIt() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file: [String: Any] = [
            "name": "gsm", "n_shots": 0, "instances": [["prompt_length": 90, "metric_value": 1]],
        ]
        try JSONSerialization.data(withJSONObject: file).write(
            to: URL(fileURLWithPath: dir + "/dataset=gsm,model=Mystery-3b,shots=0,local_seed=1.json"))
        let run = try Shell.run(#""$CTXPLAN" import ."#, in: dir)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("unknown model 'Mystery-3b'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("--models FILE"), run.stderr)
        try "name,params,tokens,n_ctx\nmystery-3B,2.5B,1T,4k\n".write(
            toFile: dir + "/models.csv", atomically: true, encoding: .utf8)
        let known = try Shell.run(#""$CTXPLAN" import . --models models.csv --format csv"#, in: dir)
        XCTAssertEqual(known.status, 0, known.stderr)
        XCTAssertEqual(known.stdout, "model,shots,records\r\nmystery-3B,0,1\r\n")
    }

    /// A folder of lm-evaluation-harness 0.4 results for models without presets: with a model
    /// table and per-shot token lengths, one command fits it, and the preset it saves answers
    /// questions in shots with those lengths.
    func testHarnessFolderWithAModelTableFitsAndItsPresetAnswersInShots() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let models = [("acme/Small-1B-hf", 1e9, 1e12, 4096.0), ("acme/Large-7B-hf", 7e9, 2e12, 16384.0)]
        var table = "name,params,tokens,n_ctx\n"
        for (hub, params, tokens, nCtx) in models {
            table += "\(hub.split(separator: "/")[1]),\(params),\(tokens),\(Int(nCtx))\n"
            let folder = dir + "/results/" + hub.replacingOccurrences(of: "/", with: "__")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for k in [0, 1, 2, 4, 8, 16, 32, 64, 128] {
                let nPmt = 80 + 70 * Double(k)
                let score = Self.score(flops: 6 * params * tokens, nPmt: nPmt, nCtx: nCtx)
                let file: [String: Any] = [
                    "results": [
                        "gsm8k": [
                            "alias": "gsm8k", "exact_match,strict-match": score,
                            "exact_match_stderr,strict-match": "N/A",
                        ]
                    ],
                    "n-shot": ["gsm8k": k],
                    "config": [
                        "model": "hf", "model_args": "pretrained=\(hub),dtype=bfloat16",
                        "model_num_parameters": params * 1.1,
                    ],
                ]
                try JSONSerialization.data(withJSONObject: file).write(
                    to: URL(fileURLWithPath: "\(folder)/results_2025-01-01T00-00-0\(k % 10).\(k).json"))
            }
        }
        try table.write(toFile: dir + "/models.csv", atomically: true, encoding: .utf8)
        let fit = try Shell.run(
            #""$CTXPLAN" fit results --models models.csv --base-tokens 80 --shot-tokens 70 --save h.json --json"#,
            in: dir)
        XCTAssertEqual(fit.status, 0, fit.stderr)
        let saved =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: dir + "/h.json"))) as! [String: Any]
        XCTAssertEqual(saved["metric"] as? String, "exact match")
        let prompt = try XCTUnwrap(saved["prompt"] as? [String: Double])
        XCTAssertEqual(prompt["base_tokens"] ?? 0, 80, accuracy: 1e-9)
        XCTAssertEqual(prompt["shot_tokens"] ?? 0, 70, accuracy: 1e-9)
        let run = try Shell.run(
            #""$CTXPLAN" predict --task ./h.json --compute 4.2e22 --nctx 16k --shots 16 --json"#, in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let answer = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let expected = Self.score(flops: 4.2e22, nPmt: 80 + 70 * 16, nCtx: 16384)
        XCTAssertEqual(answer["score"] as? Double ?? 0, expected, accuracy: 2e-3)
        let shots = try Shell.run(#""$CTXPLAN" shots --task ./h.json --compute 4.2e22 --nctx 16k"#, in: dir)
        XCTAssertEqual(shots.status, 0, shots.stderr)
    }

    /// `--out` never replaces a file unasked, and a folder of two tasks asks which to fit.
    /// A summary folds records alike into one with a count, to keep memory to the distinct
    /// records; its counts are still rows: they equal the rows `--out -` writes, one per
    /// record, here with every record read twice (a second seed's copy of each file).
    func testASummaryCountsEveryRowTheCSVWrites() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/import/paper-eval").standardizedFileURL.path
        for folder in ["gsm", "hellaswag"] {
            for file in try FileManager.default.contentsOfDirectory(atPath: source + "/" + folder) {
                let from = source + "/" + folder + "/" + file
                try FileManager.default.copyItem(atPath: from, toPath: dir + "/" + file)
                try FileManager.default.copyItem(
                    atPath: from, toPath: dir + "/" + file.replacingOccurrences(of: "local_seed=", with: "local_seed=9"))
            }
        }
        let summary = try Harness.json(["import", dir])
        let csv = try Harness.run(["import", dir, "--out", "-"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let rows = csv.stdout.split(whereSeparator: \.isNewline).count - 1
        XCTAssertEqual(summary["records"] as? Int, rows)
        let counts = try XCTUnwrap(summary["counts"] as? [[String: Any]])
        XCTAssertEqual(counts.reduce(0) { $0 + ($1["records"] as? Int ?? 0) }, rows)
        let files = try XCTUnwrap(summary["files"] as? [[String: Any]])
        XCTAssertEqual(files.reduce(0) { $0 + ($1["records"] as? Int ?? 0) }, rows)
    }

    func testOutKeepsAnExistingFileAndSeveralTasksAskForOne() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/import/paper-eval").standardizedFileURL.path
        try "keep me\n".write(toFile: dir + "/out.csv", atomically: true, encoding: .utf8)
        let refused = try Shell.run(#""$CTXPLAN" import '"# + fixtures + "' --out out.csv", in: dir)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("'out.csv' exists; pass --force"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8), "keep me\n")
        let forced = try Shell.run(#""$CTXPLAN" import '"# + fixtures + "' --out out.csv --force", in: dir)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let rows = try String(contentsOfFile: dir + "/out.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.count, 8, "a header and the fixture's seven instances")
        let fit = try Shell.run(#""$CTXPLAN" fit '"# + fixtures + "'", in: dir)
        XCTAssertEqual(fit.status, 2)
        XCTAssertTrue(fit.stderr.contains("2 tasks (arithmetic, commonsense)"), fit.stderr)
    }

    /// A truncated file stops the import with its name and place (status 2) unless --skip-bad,
    /// and reruns that write into the scanned folder never read their own output back.
    func testBadFilesAreNamedAndRerunsIntoTheFolderNeverDouble() throws {
        let dir = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/import/paper-eval").standardizedFileURL.path
        _ = try Shell.run("cp -R '\(fixtures)' results", in: dir)
        let cut = "results/gsm/dataset=gsm,model=Llama-2-7b-hf,shots=9,local_seed=1.json"
        try #"{"name": "gsm", "n_shots": 9, "instances": [{"prompt_length": 3"#.write(
            toFile: dir + "/" + cut, atomically: true, encoding: .utf8)
        let refused = try Shell.run(#""$CTXPLAN" import results"#, in: dir)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains(cut + ":1:"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("truncated"), refused.stderr)
        for _ in 0..<2 {
            let run = try Shell.run(#""$CTXPLAN" import results --skip-bad --out results/all.csv --force"#, in: dir)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("skipped 1 file"), run.stdout)
            let rows = try String(contentsOfFile: dir + "/results/all.csv", encoding: .utf8).split(separator: "\n")
            XCTAssertEqual(rows.count, 8, "a header and the fixture's seven instances, on every run")
        }
    }

    /// `--percent` reads a CSV's 0-100 scores as fractions: the fit equals the bundled one; without
    /// it the rejection says how to read them.
    func testPercentScoresInACSVAreReadAsFractions() throws {
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Presets/observations/paper-tables-8-10.csv").standardizedFileURL.path
        let text = try String(contentsOfFile: bundled, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let metric = try XCTUnwrap(header.firstIndex(of: "metric"))
        var scaled = [lines[0]]
        for line in lines.dropFirst() where !line.isEmpty {
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[metric] = String(try XCTUnwrap(Double(fields[metric])) * 100)
            scaled.append(fields.joined(separator: ","))
        }
        let path = try Shell.temporaryFolder() + "/percent.csv"
        try scaled.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let asPercent = try Harness.json(["fit", path, "--task", "arithmetic", "--percent"])
        let asBundled = try Harness.json(["fit", "--task", "arithmetic"])
        let a = try XCTUnwrap(asPercent["mae"] as? Double)
        let b = try XCTUnwrap(asBundled["mae"] as? Double)
        XCTAssertEqual(a, b, accuracy: 1e-9)
        let refused = try Harness.run(["fit", path, "--task", "arithmetic"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("is outside [0, 1]; read a 0-100 scale with --percent"), refused.stderr)
    }
}
