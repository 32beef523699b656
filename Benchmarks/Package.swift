// swift-tools-version:6.1
// Benchmarks of the reader, the XHTML writer, the packager and the whole pipeline, kept out of the main package
// so that CI's build does not compile them. Run them with `swift package benchmark` here (see the README's
// "Performance" section).
import PackageDescription

let package = Package(
    name: "SheafBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Sheaf", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SheafBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "SheafKit", package: "Sheaf"),
            ],
            path: "Benchmarks/SheafBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
