// swift-tools-version: 6.0
// LCARS: nginx serves static/, forwards /api to the lcars-fcgi responder pool; lcarsd runs the
// long-lived work. Both build on the Shared modules (Sources/Shared/*; docs/architecture.md).
import PackageDescription

let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let toml = Target.Dependency.product(name: "TOMLKit", package: "TOMLKit")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
/// The schema's versioned SQL files, run in this order (Persistence/Migrations.swift).
let migrations = ["V001_initial", "V002_login_limits", "V003_downloads", "V004_library", "V005_releases", "V006_indexer_settings",
                  "V007_v2_info_hashes", "V008_jobs", "V010_search_missing",
                  "V011_media_info"]
let shared: [Target.Dependency] = ["Core", "Config", "Releases", "Persistence", "Net", "Auth", "Metadata", "Indexers", "Control", "Library"]

let package = Package(
    name: "LCARS",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lcars-fcgi", targets: ["lcars-fcgi"]),
        .executable(name: "lcarsd", targets: ["lcarsd"]),
        .executable(name: "lcars-fuzz", targets: ["lcars-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Thin C modules: system libraries and the few POSIX calls Swift cannot make safely.
        .target(name: "CFastCGI", linkerSettings: [.linkedLibrary("fcgi")]),
        .target(name: "CProcess"),
        .systemLibrary(name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        // C++ shim over libtorrent-rasterbar 2.0 with a plain-C header. The defines are what
        // `pkg-config --cflags libtorrent-rasterbar` prints: without them the library's ABI and
        // ours disagree (struct layouts, inline functions) and it crashes at run time. Its other
        // flag, -fexceptions, is clang's default for C++ (the shim catches everything).
        .target(
            name: "CTorrent",
            cxxSettings: [
                .define("TORRENT_LINKING_SHARED"),
                .define("TORRENT_USE_OPENSSL"),
                .define("TORRENT_USE_LIBCRYPTO"),
                .define("TORRENT_SSL_PEERS"),
                .define("OPENSSL_NO_SSL2"),
                .define("BOOST_ASIO_ENABLE_CANCELIO"),
                .define("BOOST_ASIO_NO_DEPRECATED"),
                .define("BOOST_ALL_NO_LIB"),
            ],
            linkerSettings: [
                .linkedLibrary("torrent-rasterbar"),
                .linkedLibrary("ssl"),
                .linkedLibrary("crypto"),
            ]
        ),
        .target(name: "TorrentEngine", dependencies: ["CTorrent"]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libcurl is loaded on first use (dlopen, see its header): only its headers at build time.
        .target(name: "CCurl"),
        .target(name: "CSQLiteConfig", linkerSettings: [.linkedLibrary("sqlite3")]),

        // Shared: one SwiftPM target per folder under Sources/Shared, each depending only on the
        // ones listed before it (docs/architecture.md draws the graph).
        .target(name: "Core", path: "Sources/Shared/Core"),
        .target(name: "Config", dependencies: ["Core", toml, logging], path: "Sources/Shared/Config"),
        .target(name: "Releases", dependencies: ["Core"], path: "Sources/Shared/Releases"),
        .target(
            name: "Persistence",
            dependencies: ["Core", "Config", "Releases", "CSQLiteConfig", grdb],
            path: "Sources/Shared/Persistence",
            resources: migrations.map { .embedInCode("Migrations/\($0).sql") }
        ),
        .target(name: "Net", dependencies: ["Core", "Config", "CCurl", logging], path: "Sources/Shared/Net"),
        .target(name: "Auth", dependencies: ["Core", "Config", "Persistence", "CArgon2", crypto], path: "Sources/Shared/Auth"),
        .target(name: "Metadata", dependencies: ["Core", "Config", "Net"], path: "Sources/Shared/Metadata"),
        .target(
            name: "Indexers",
            dependencies: ["Core", "Config", "Net", "Persistence", "Releases", "CLibXML2", logging],
            path: "Sources/Shared/Indexers"
        ),
        .target(name: "Control", dependencies: ["Core"], path: "Sources/Shared/Control"),
        .target(
            name: "Library",
            dependencies: ["Core", "Config", "Persistence", "Metadata", "Releases", "Indexers", "Net", "Control", crypto],
            path: "Sources/Shared/Library"
        ),
        // FCGIApp and Daemon are libraries so that the fuzz entries (and tests) can call their
        // intake and frame decoder; the executables are one-line mains (Sources/Executables).
        .target(
            name: "FCGIApp",
            dependencies: [
                "CFastCGI", "CProcess", crypto,
                .product(name: "ArgumentParser", package: "swift-argument-parser"), logging,
            ] + shared
        ),
        .target(
            name: "Daemon",
            dependencies: [
                "CProcess", "TorrentEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"), logging,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ] + shared
        ),
        .executableTarget(name: "lcars-fcgi", dependencies: ["FCGIApp"], path: "Sources/Executables/lcars-fcgi"),
        .executableTarget(name: "lcarsd", dependencies: ["Daemon"], path: "Sources/Executables/lcarsd"),

        // Fuzzing (docs/fuzzing.md): the entries turn bytes into calls of production code; the
        // executable replays a corpus, or runs libFuzzer when built with -DFUZZING (bench/fuzz.sh).
        .target(
            name: "FuzzEntries",
            dependencies: ["FCGIApp", "Daemon", "TorrentEngine", "Core", "Config", "Releases", "Control", "Persistence", "Auth", "Net",
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOEmbedded", package: "swift-nio"), logging],
            path: "Sources/Fuzz/Entries"
        ),
        .target(name: "CLibFuzzer", path: "Sources/Fuzz/CLibFuzzer"),
        .executableTarget(name: "lcars-fuzz", dependencies: ["FuzzEntries", "CLibFuzzer"], path: "Sources/Fuzz/Driver"),

        .testTarget(name: "SharedTests", dependencies: shared + [grdb], path: "Tests/SharedTests"),
        .testTarget(name: "FCGIAppTests", dependencies: ["FCGIApp", grdb] + shared, path: "Tests/FCGIAppTests"),
        .testTarget(
            name: "TorrentEngineTests",
            dependencies: ["TorrentEngine", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/TorrentEngineTests"
        ),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon", "TorrentEngine", grdb] + shared, path: "Tests/DaemonTests"),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzEntries", "Core", "Control"], path: "Tests/FuzzTests"),
    ],
    cxxLanguageStandard: .cxx17
)
