// swift-tools-version:6.0
// glossary: bilingual terminology mining, review and lookup for diplomatic texts.
// Imports point downwards only: glossary -> GlossaryKit -> GlossaryAlign -> GlossaryText -> CICU.
import PackageDescription

let package = Package(
  name: "glossary",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "glossary", targets: ["glossary"]),
    .library(name: "GlossaryKit", targets: ["GlossaryKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
  ],
  targets: [
    // MARK: Core libraries
    // C shim over the system ICU (Debian libicu-dev); its public header uses only <stdint.h> types.
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
    ),
    // The system libxml2 (Debian libxml2-dev, found with pkg-config libxml-2.0), used only by the CXML shim.
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    // C shim over libxml2's streaming reader, hardened for untrusted TBX; its public header uses only <stdint.h> types.
    .target(name: "CXML", dependencies: ["CLibXML2"]),
    // The system SQLite (Debian libsqlite3-dev, found with pkg-config sqlite3): the alignment store
    // and the concordance index (FTS5, trigram tokenizer). Used only by GlossaryKit/Store.
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    // General-language word frequencies compiled in (jieba's dict.txt, MIT; see its LICENSE-jieba.txt).
    .target(name: "CWordFrequencies", exclude: ["zh-wordfreq.txt", "LICENSE-jieba.txt"]),
    .target(name: "GlossaryText", dependencies: ["CICU", "CWordFrequencies"]),
    .target(name: "GlossaryAlign", dependencies: ["GlossaryText"]),
    .target(name: "GlossaryKit", dependencies: ["GlossaryAlign", "GlossaryText", "CXML", "CSQLite"]),

    // MARK: Tools
    .executableTarget(
      name: "glossary",
      dependencies: ["GlossaryKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .executableTarget(name: "glossary-bench", dependencies: ["GlossaryKit"]),

    // MARK: Tests
    // Helpers shared by the test targets (runs the built CLI, temp dirs); an ordinary target.
    .target(name: "GlossaryTestSupport", dependencies: ["GlossaryKit"], path: "Tests/GlossaryTestSupport"),
    .testTarget(name: "GlossaryTextTests", dependencies: ["GlossaryText"], exclude: ["Fixtures"]),
    .testTarget(name: "GlossaryAlignTests", dependencies: ["GlossaryAlign"]),
    // Fixtures are read from the source tree (#filePath), not bundled.
    .testTarget(name: "GlossaryKitTests", dependencies: ["GlossaryKit", "GlossaryTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "GlossaryCLITests", dependencies: ["GlossaryTestSupport"]),
  ]
)
