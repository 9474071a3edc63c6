import ContextScaling
import Foundation
import Planner

// 10,000 mixed planning questions through the library, as the REPL asks them: each timed alone.
// Prints the mean and the 99th percentile in microseconds.

let presets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Presets").standardizedFileURL.path
let planner = Planner(library: PresetLibrary(directories: [presets]))
let tasks = ["arithmetic", "commonsense", "translation"]
let models = ["llama-2-7b", "llama-2-13b", "yarn-llama-2-7b-32k", "yarn-llama-2-13b-128k"]
let limits: [Double] = [4096, 8192, 16384, 32768, 65536, 131072]

var rng = SystemRandomNumberGenerator()
var times: [Double] = []
var answered = 0
let total = 10_000
for i in 0..<total {
    let task = tasks[i % 3]
    let model = models.randomElement(using: &rng)!
    let nCtx = limits.randomElement(using: &rng)!
    let start = DispatchTime.now().uptimeNanoseconds
    switch i % 5 {
    case 0:
        if (try? planner.computeFor(target: Double.random(in: 0.05...0.6, using: &rng), task: task,
                                    prompt: .shots(Int.random(in: 0...255, using: &rng)), nCtx: nCtx)) != nil { answered += 1 }
    case 1:
        if (try? planner.contextFor(target: Double.random(in: 0.05...0.4, using: &rng), task: task,
                                    compute: .model(model), nCtx: max(nCtx, 4096))) != nil { answered += 1 }
    case 2:
        if (try? planner.shots(task: task, compute: .flops(exp(Double.random(in: log(1e21)...log(1e25), using: &rng))), nCtx: nCtx)) != nil { answered += 1 }
    case 3:
        if (try? planner.extend(model: "llama-2-7b", task: task, prompt: .tokens(Double.random(in: 1000...100_000, using: &rng)))) != nil { answered += 1 }
    default:
        if (try? planner.predict(task: task, compute: .model(model), prompt: .shots(Int.random(in: 0...511, using: &rng)), nCtx: nil)) != nil { answered += 1 }
    }
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
}
times.sort()
let mean = times.reduce(0, +) / Double(times.count)
let p99 = times[Int(0.99 * Double(times.count - 1))]
print(String(format: "planning: %d questions (%d answered): mean %.1f us, p99 %.1f us, max %.1f us", total, answered, mean, p99, times.last!))
if p99 > 1000 {
    print("planning: p99 above the 1 ms goal")
    exit(1)
}
