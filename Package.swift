// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ctxplan",
    products: [
        .executable(name: "ctxplan", targets: ["ctxplan"]),
        .library(name: "ContextScaling", targets: ["ContextScaling"]),
        .library(name: "Planner", targets: ["Planner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The science: Eq. (1), its variants, compute accounting, solvers and fitting. No I/O.
        .target(name: "ContextScaling"),
        // The questions users ask, as values in and values out; loads presets.
        .target(name: "Planner", dependencies: ["ContextScaling"]),
        // libedit, for line editing and history in the REPL.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libedit's C globals as functions, and the Ctrl-C flag a C signal handler sets.
        .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
        // The program: one command tree for the shell and the REPL, text and JSON output, plots.
        .executableTarget(
            name: "ctxplan",
            dependencies: [
                "Planner", "ContextScaling", "CEditLine", "CEditLineShim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: 10,000 mixed planning questions through the library.
        .executableTarget(name: "PlanningBench", dependencies: ["Planner"], path: "bench/PlanningBench"),
        .testTarget(name: "ContextScalingTests", dependencies: ["ContextScaling"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner"]),
        .testTarget(name: "ctxplanTests", dependencies: ["ctxplan"]),
    ]
)
