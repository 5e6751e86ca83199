// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DossierCore", targets: ["DossierCore"]),
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "HTMLTree", dependencies: ["CLibXML2", "CZlib"]),
        .target(
            name: "DossierCore",
            dependencies: ["HTMLTree"],
            resources: [.copy("Resources/en"), .copy("Resources/seeds")]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"]),
    ]
)
