// swift-tools-version: 6.0
import PackageDescription

// One static executable: the Swift runtime, Foundation, libstdc++, cmark-gfm and the C library
// linked in, so that no dynamic loader runs. Loading and relocating six shared libraries had cost
// a fifth to a third of the page faults of a page's check and a third of a `--help`'s time; a
// static executable is not position-independent either (a PIE's 113,657 relative relocations had
// touched some 350 pages at every start). libstdc++ joins the group that Foundation's C and C++
// libraries close, since ICU needs it before the toolchain's own link options name it. Release
// builds only: tests link the debug build many times over.
let releaseLinking: [LinkerSetting] = [
  .unsafeFlags(
    [
      "-static-executable", "-Xlinker", "--start-group", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims",
      "-l_FoundationCollections", "-lstdc++", "-Xlinker", "--end-group",
    ],
    .when(configuration: .release))
]

// The server keeps the C library shared: it resolves the host name it listens on, and a static C
// library knows only the name services built into it (files and DNS), not the modules a host's
// nsswitch.conf may name (mDNS, systemd's). Its start is paid once per suite, not per page. No
// exported symbols: the static standard library's link options export every symbol of the
// packages' objects, which the loader would search at each start.
let serverLinking: [LinkerSetting] = [
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
      linkerSettings: serverLinking
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
