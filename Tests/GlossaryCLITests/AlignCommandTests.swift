import Foundation
import Testing

/// End-to-end: runs the debug `glossary` binary (GLOSSARY_BIN, or `debug/glossary`
/// in the build folder that holds this test bundle).
struct AlignCommandTests {
  static func binary() -> String? {
    if let b = ProcessInfo.processInfo.environment["GLOSSARY_BIN"] { return b }
    var dir = URL(fileURLWithPath: Bundle.main.bundlePath)
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("glossary").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      let debug = dir.appendingPathComponent("debug/glossary").path
      if FileManager.default.isExecutableFile(atPath: debug) { return debug }
      dir.deleteLastPathComponent()
    }
    return nil
  }

  static func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
    guard let bin = binary() else { return (-1, "", "no glossary binary") }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: bin)
    p.arguments = args
    let o = Pipe(), e = Pipe()
    p.standardOutput = o
    p.standardError = e
    try p.run()
    let out = o.fileHandleForReading.readDataToEndOfFile(), err = e.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
  }

  static func write(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("align-test-\(UUID().uuidString)")
    for (name, text) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  static let zh = "我的朋友住在河边。\n2020年3月，两国取得了很大进展，双方同意继续加强合作。\n陈清扬上山了。\n"
  static let en = "My friend lives by the river.\nIn March 2020, the two countries made great progress.\nBoth sides agreed to keep working together.\nChen Qingyang went up the mountain.\n"

  @Test(.enabled(if: binary() != nil)) func vecalignTsvJson() throws {
    let dir = try Self.write(["a.zh": Self.zh, "a.en": Self.en])
    defer { try? FileManager.default.removeItem(at: dir) }
    let zh = dir.appendingPathComponent("a.zh").path, en = dir.appendingPathComponent("a.en").path
    let v = try Self.run(["align", "--presegmented", zh, en])
    #expect(v.status == 0)
    let lines = v.out.split(separator: "\n")
    #expect(lines.count >= 3)
    #expect(lines.allSatisfy { $0.range(of: #"^\[[0-9, ]*\]:\[[0-9, ]*\]:[01]\.[0-9]{3}$"#, options: .regularExpression) != nil })
    #expect(lines.first?.hasPrefix("[0]:[0]:") == true)
    let t = try Self.run(["align", "--presegmented", "--format", "tsv", zh, en])
    #expect(t.out.split(separator: "\n").first?.split(separator: "\t").count == 3)
    let j = try Self.run(["align", "--presegmented", "--format", "json", zh, en])
    let parsed = try JSONSerialization.jsonObject(with: Data(j.out.utf8)) as? [[String: Any]]
    let first = parsed?.first?["source"] as? [String: Any]
    #expect(first?["line"] as? Int == 1)
    #expect(first?["start"] as? Int == 0)
  }

  @Test(.enabled(if: binary() != nil)) func emptySideWarnsAndBatchWritesOneFilePerPair() throws {
    let dir = try Self.write([
      "empty.zh": "", "a.en": Self.en,
      "corpus/talks/2020-01-02-a-talk.zh.txt": Self.zh, "corpus/talks/2020-01-02-a-talk.en.txt": Self.en,
      "corpus/notes.txt": "ignored",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Self.run(["align", "--presegmented", "--source-lang", "zh", dir.appendingPathComponent("empty.zh").path,
                          dir.appendingPathComponent("a.en").path])
    #expect(r.status == 0)
    #expect(r.err.contains("warning"))
    let out = dir.appendingPathComponent("out").path
    let b = try Self.run(["align", "--corpus", dir.appendingPathComponent("corpus").path, "--out-dir", out])
    #expect(b.status == 0)
    #expect(FileManager.default.fileExists(atPath: out + "/talks/2020-01-02-a-talk.zh-en.vecalign"))
  }
}
