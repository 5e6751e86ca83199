// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DossierCore", targets: ["DossierCore"]),
        .library(name: "DossierStore", targets: ["DossierStore"]),
        .library(name: "DossierWeb", targets: ["DossierWeb"]),
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.100.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.26.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "HTMLTree", dependencies: ["CLibXML2", "CZlib"]),
        .target(name: "XMLTree", dependencies: ["CLibXML2"]),
        .target(name: "CPrefetch"),
        .target(
            name: "DossierCore",
            dependencies: ["HTMLTree", "CPrefetch"],
            resources: [.copy("Resources/en"), .copy("Resources/seeds")]
        ),
        .target(
            name: "DossierStore",
            dependencies: [
                "DossierCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DossierServer",
            dependencies: [
                "DossierCore",
                "DossierStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/web")]
        ),
        .target(
            name: "DossierWeb",
            dependencies: [
                "DossierCore",
                "DossierStore",
                "XMLTree",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore",
                "DossierStore",
                "DossierServer",
                "DossierWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore", "HTMLTree", "CZlib"]),
        .testTarget(
            name: "DossierStoreTests",
            dependencies: ["DossierStore", "DossierCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "DossierServerTests",
            dependencies: [
                "DossierServer",
                "DossierStore",
                "DossierCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "DossierWebTests",
            dependencies: [
                "DossierWeb",
                "DossierStore",
                "DossierCore",
                "XMLTree",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
