// swift-tools-version: 6.1
// Fuzz targets for Dossier (libFuzzer). Build and run with `scripts/fuzz.sh`, which passes
// the address and fuzzer sanitizers; each target is an executable whose `LLVMFuzzerTestOneInput` reads one input.
import PackageDescription

let targets = ["FuzzIntake", "FuzzHTML", "FuzzRecord", "FuzzPipeline"]

let package = Package(
    name: "DossierFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Dossier", path: "..")],
    targets: [.target(name: "FuzzCommon", dependencies: [.product(name: "DossierCore", package: "Dossier")])]
        + targets.map { name in
            .executableTarget(
                name: name, dependencies: ["FuzzCommon", .product(name: "DossierCore", package: "Dossier")],
                swiftSettings: [.unsafeFlags(["-parse-as-library"])])
        }
)
