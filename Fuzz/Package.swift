// swift-tools-version:6.0
// The fuzz target for the reader and the XHTML writer, kept out of the main package so that CI's normal build
// does not compile it. Build and run it with `Fuzz/run` (see the README's "Fuzzing" section).
import PackageDescription

let package = Package(
    name: "SheafFuzz",
    dependencies: [
        .package(name: "Sheaf", path: ".."),
    ],
    targets: [
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "ReaderWriterFuzz",
            dependencies: ["FuzzerDriver", .product(name: "SheafKit", package: "Sheaf")],
            // gold stops with an internal error on libFuzzer's runtime; lld links it.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
    ]
)
