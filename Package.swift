// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "bizbank",
    platforms: [.macOS(.v14), .iOS(.v17)],
    products: [
        .library(name: "BankCore", targets: ["BankCore"]),
        .library(name: "BankAPI", targets: ["BankAPI"]),
        // The SDK an iOS app and the web app stand on (issue 11).
        .library(name: "BankClient", targets: ["BankClient"]),
        .library(name: "BankClientAsyncHTTP", targets: ["BankClientAsyncHTTP"]),
        .executable(name: "bizbank", targets: ["bizbank"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        // Already resolved through async-http-client; named here for the SMTP adapter's implicit TLS (NIOSSL).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
    ],
    targets: [
        // Pure domain: no Vapor, no Fluent, no Foundation networking.
        .target(name: "BankCore"),
        // The wire contract shared by the server and the SDK.
        .target(name: "BankAPI", dependencies: ["BankCore"]),
        // The SDK: `Endpoints` over a transport (URLSession here; AsyncHTTPClient in BankClientAsyncHTTP), swift-crypto
        // for the device key.
        .target(name: "BankClient", dependencies: ["BankAPI", "BankCore", .product(name: "Crypto", package: "swift-crypto")]),
        // The SDK's transport for server-side users (the web app, the load tools).
        .target(
            name: "BankClientAsyncHTTP",
            dependencies: [
                "BankClient", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
        // The web bank and the staff console (issue 12): pages rendered in Swift, the API reached only through BankClient.
        .target(
            name: "BankWeb",
            dependencies: [
                "BankAPI", "BankCore", "BankClient", "BankClientAsyncHTTP",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "BankServer",
            dependencies: [
                "BankCore",
                "BankAPI",
                "BankWeb",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "bizbank",
            dependencies: ["BankServer", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]
        ),
        // Release-build load tool (docs/BENCHMARKS.md): drives a running server's HTTP API.
        .executableTarget(
            name: "TransferLoad",
            dependencies: ["BankAPI", "BankCore", "BankClient", "BankClientAsyncHTTP"],
            path: "Benchmarks/TransferLoad"
        ),
        // The framework's ceiling (docs/BENCHMARKS.md, issue 15): a bare Vapor hello-world, built in release.
        .executableTarget(
            name: "HelloWorld",
            dependencies: [.product(name: "Vapor", package: "vapor")],
            path: "Benchmarks/HelloWorld"
        ),
        // The crash run (docs/BENCHMARKS.md): transfers retried under Idempotency-Keys while the server is killed.
        .executableTarget(
            name: "CrashLoad",
            dependencies: [
                "BankAPI", "BankCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/CrashLoad"
        ),
        .testTarget(name: "BankCoreTests", dependencies: ["BankCore"]),
        .testTarget(name: "BankClientTests", dependencies: ["BankClient"]),
        .testTarget(
            name: "BankServerTests",
            dependencies: [
                "BankServer", "BankClient", "BankClientAsyncHTTP", "BankWeb",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
