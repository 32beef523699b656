// swift-tools-version:6.0
import PackageDescription

// A program that uses SheafKit as a library: `swift run` here writes example.epub from three articles held in
// memory. It depends on the Sheaf checkout two folders up, by path.
let package = Package(
    name: "MakeABook",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named, so that the product can be found whatever the checkout's folder is called (a path dependency's
        // identity is its folder's name).
        .package(name: "Sheaf", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "MakeABook", dependencies: [.product(name: "SheafKit", package: "Sheaf")]),
    ]
)
