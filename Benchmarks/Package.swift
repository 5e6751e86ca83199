// swift-tools-version: 6.1
// Throughput benchmarks for DossierCore, kept apart so that the main package
// does not depend on ordo-one/benchmark. Run with `swift package benchmark`.
import PackageDescription

/// SwiftPM names a path dependency after its folder, which differs between checkouts.
let dossier = Context.packageDirectory.split(separator: "/").dropLast().last.map { $0.lowercased() } ?? "main"

let package = Package(
    name: "DossierBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "DossierBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DossierCore", package: dossier),
            ],
            path: "Benchmarks/DossierBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
