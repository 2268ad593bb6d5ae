// swift-tools-version: 6.0
// LCARS: nginx serves static/, forwards /api to the lcars-fcgi responder pool; lcarsd runs the
// long-lived work. Both share the Shared module (config, database, auth, IPC).
import PackageDescription

let package = Package(
    name: "LCARS",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lcars-fcgi", targets: ["FCGIApp"]),
        .executable(name: "lcarsd", targets: ["Daemon"]),
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
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),

        .target(
            name: "Shared",
            dependencies: [
                "CArgon2", "CLibXML2", "CCurl",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [
                .embedInCode("Database/Migrations/V001_initial.sql"),
                .embedInCode("Database/Migrations/V002_login_limits.sql"),
                .embedInCode("Database/Migrations/V003_downloads.sql"),
                .embedInCode("Database/Migrations/V004_library.sql"),
                .embedInCode("Database/Migrations/V005_releases.sql"),
                .embedInCode("Database/Migrations/V006_indexer_settings.sql"),
            ]
        ),
        .executableTarget(
            name: "FCGIApp",
            dependencies: [
                "Shared", "CFastCGI", "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "Daemon",
            dependencies: [
                "Shared", "CProcess", "TorrentEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        .testTarget(name: "SharedTests", dependencies: ["Shared"], path: "Tests/SharedTests"),
        .testTarget(name: "FCGIAppTests", dependencies: ["FCGIApp", "Shared"], path: "Tests/FCGIAppTests"),
        .testTarget(
            name: "TorrentEngineTests",
            dependencies: ["TorrentEngine", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/TorrentEngineTests"
        ),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon", "Shared", "TorrentEngine"], path: "Tests/DaemonTests"),
    ],
    cxxLanguageStandard: .cxx17
)
