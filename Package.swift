// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sheaf",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sheaf", targets: ["sheaf"]),
        .library(name: "SheafKit", targets: ["SheafKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        // `swift package generate-documentation --target SheafKit` (the DocC catalog in Sources/SheafKit/SheafKit.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"]), .brew(["libzip"])]
        ),
        .systemLibrary(
            name: "CLibDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]
        ),
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"]), .brew(["pango", "cairo"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(name: "CMalloc"),
        // libvips is loaded when an image first needs it (see its shim), so it is not linked.
        .systemLibrary(name: "CLibVips"),
        .target(
            name: "SheafKit",
            dependencies: [
                "CLibXML2",
                "CLibZip",
                "CLibDeflate",
                "CZlib",
                "CMalloc",
                "CLibVips",
                "CPangoCairo",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [
                .embedInCode("Templates/chapter.xhtml.mustache"),
                .embedInCode("Templates/titlepage.xhtml.mustache"),
                .embedInCode("Templates/nav.xhtml.mustache"),
                .embedInCode("Templates/style.css.mustache"),
                .embedInCode("Templates/cover.xhtml.mustache"),
            ]
        ),
        .executableTarget(
            name: "sheaf",
            dependencies: [
                "SheafKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SheafKitTests",
            dependencies: ["SheafKit", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
    ]
)
