// swift-tools-version: 6.0
import PackageDescription

// The Swift runtime and Foundation linked in: the dynamic loader's relocations were half of the
// instructions of a process that only prints its help. Not position-independent: the loader no
// longer applies 113,657 relative relocations at every start, which had touched some 350 pages (a
// quarter of a `--help`'s time). No exported symbols: the static standard library's link options
// export every symbol of the packages' objects (23,764), which the loader searched at each start
// and the runtime's `dladdr` walked through (a fifth of a `--help`). Release builds only: tests
// link the debug build many times over.
let releaseLinking: [LinkerSetting] = [
  .unsafeFlags(
    [
      "-static-stdlib", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic", "-Xlinker", "--start-group",
      "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-Xlinker", "--end-group",
    ],
    .when(configuration: .release))
]

let package = Package(
  name: "walkthrough",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "walkthrough", targets: ["walkthrough"]),
    // Pages read, run and checked from Swift, for doc teams' own test suites.
    .library(name: "WalkthroughKit", targets: ["WalkthroughKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
  ],
  targets: [
    // Debian: libcmark-gfm-dev and libcmark-gfm-extensions-dev.
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .target(name: "Documents", dependencies: ["CCmarkGFM"]),
    .target(name: "CloudAPI"),
    .target(name: "FakeCloud", dependencies: ["CloudAPI", .product(name: "Yams", package: "Yams")]),
    .target(
      name: "OpenStackCLI",
      dependencies: ["CloudAPI"]
    ),
    .target(
      name: "Check",
      dependencies: ["Documents", "CloudAPI", "FakeCloud", "OpenStackCLI", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "WalkthroughKit", dependencies: ["Check", "Documents", "FakeCloud"]),
    .target(name: "Tutor", dependencies: ["Check", "Documents", "FakeCloud", "OpenStackCLI"]),
    .target(
      name: "CloudServer",
      dependencies: [
        "CloudAPI", "FakeCloud", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
      ]
    ),
    .executableTarget(
      name: "walkthrough",
      dependencies: [
        "Documents",
        "CloudAPI",
        "Check",
        "FakeCloud",
        "Tutor",
        "ServeOptions",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      linkerSettings: releaseLinking
    ),
    .target(name: "ServeOptions", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),
    // The fake cloud over HTTP, which `walkthrough serve` becomes: a program of its own, so that
    // its HTTP stack loads only where it serves. Not a dependency of walkthrough, whose link
    // would then take in that stack: `swift build` builds both.
    .executableTarget(
      name: "walkthrough-server",
      dependencies: [
        "CloudServer", "Documents", "FakeCloud", "ServeOptions",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      linkerSettings: releaseLinking
    ),
    // The fuzz targets (Scripts/fuzz), and the program that drives them: libFuzzer's entry point
    // when built with -sanitize=fuzzer -DFUZZING, a replayer of saved inputs otherwise.
    .target(
      name: "FuzzTargets",
      dependencies: [
        "Documents", "CloudAPI", "FakeCloud", "OpenStackCLI", "Check", "CloudServer",
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .executableTarget(name: "walkthrough-fuzz", dependencies: ["FuzzTargets"]),
    // Linked as walkthrough is, so that it times the code as walkthrough runs it: calls into a
    // shared Swift runtime go through the procedure linkage table.
    .executableTarget(
      name: "Benchmark",
      dependencies: ["Check", "Documents", "FakeCloud", "Tutor", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      linkerSettings: releaseLinking
    ),
    // Where the tests write their files: one directory per test process, removed at its exit.
    .target(name: "TestScratch", path: "Tests/TestScratch"),
    .testTarget(
      name: "DocumentsTests",
      dependencies: ["Documents", "TestScratch"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "CloudAPITests", dependencies: ["CloudAPI"]),
    .testTarget(name: "FakeCloudTests", dependencies: ["FakeCloud"]),
    .testTarget(
      name: "CheckTests",
      dependencies: ["Check", "Documents", "TestScratch"],
      resources: [.copy("Goldens"), .copy("Fixtures")]
    ),
    .testTarget(
      name: "OpenStackCLITests",
      dependencies: ["OpenStackCLI", "FakeCloud"],
      resources: [.copy("Goldens")]
    ),
    .testTarget(
      name: "WalkthroughCLITests",
      dependencies: ["walkthrough", "ServeOptions", "TestScratch", .product(name: "Yams", package: "Yams")]),
    .testTarget(name: "WalkthroughKitTests", dependencies: ["WalkthroughKit", "TestScratch"]),
    .testTarget(name: "TutorTests", dependencies: ["Tutor", "Check", "Documents", "FakeCloud", "TestScratch"]),
    .testTarget(name: "CloudServerTests", dependencies: ["CloudServer", "CloudAPI", "FakeCloud"]),
    .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
  ],
  swiftLanguageModes: [.v6]
)
