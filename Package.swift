// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Firebreak",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "firebreak", targets: ["firebreak"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "ClusterModel",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ClusterSim",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/openapi")]
        ),
        .target(name: "Timeline", dependencies: ["ClusterModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "COE", dependencies: ["Timeline", "ClusterModel"]),
        .target(
            name: "Runbooks", dependencies: ["ClusterModel", "Timeline", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "TUI",
            dependencies: [
                "CNcurses", "ClusterModel", "Timeline", "Runbooks", "COE", .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "firebreak",
            dependencies: [
                "ClusterModel", "ClusterSim", "COE", "Runbooks", "Timeline", "TUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "firebreak-bench",
            dependencies: [
                "ClusterModel", "ClusterSim", "COE", "Runbooks", "Timeline", "TUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/firebreak-bench"
        ),
        .target(name: "TestSupport", dependencies: ["ClusterSim"], path: "Tests/TestSupport"),
        .testTarget(name: "ClusterSimTests", dependencies: ["ClusterSim", "TestSupport"]),
        .testTarget(name: "ClusterModelTests", dependencies: ["ClusterModel", "TestSupport"]),
        .testTarget(
            name: "TUITests",
            dependencies: ["TUI", "ClusterModel", "ClusterSim", "Runbooks", "Timeline", "TestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(name: "RunbooksTests", dependencies: ["Runbooks", "ClusterModel", "Timeline", "TestSupport"]),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["ClusterModel", "ClusterSim", "Runbooks", "Timeline", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TUI", "Runbooks", "Timeline", "firebreak", "TestSupport"]),
        .executableTarget(name: "journal-writer", dependencies: ["Timeline"], path: "Tests/JournalWriter"),
        .testTarget(
            name: "TimelineTests",
            dependencies: ["Timeline", "ClusterModel", "journal-writer", "firebreak", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "COETests",
            dependencies: ["COE", "Timeline", "ClusterModel", "ClusterSim", "firebreak", "TestSupport"],
            exclude: ["Golden"]),
        .target(
            name: "FuzzTargets",
            dependencies: ["ClusterModel", .product(name: "Yams", package: "Yams")],
            path: "Fuzz/Targets"
        ),
        .testTarget(name: "FuzzReplayTests", dependencies: ["FuzzTargets", "ClusterModel"]),
    ]
)

// One libFuzzer executable per fuzz target: `swift build -c release -Xswiftc -sanitize=fuzzer,address --product
// fuzz-<name>`. In a normal build each is a small program that replays files through its target.
for name in ["watch-events", "list-pages", "quantity", "kubeconfig", "prometheus"] {
    package.targets.append(
        .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzTargets"], path: "Fuzz/Executables/fuzz-\(name)"))
}

for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .swiftLanguageMode(.v6),
            .enableUpcomingFeature("ExistentialAny"),
        ]
}
