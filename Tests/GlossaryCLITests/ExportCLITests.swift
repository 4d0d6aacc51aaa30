import Foundation
import GlossaryTestSupport
import Testing

@Suite struct ExportCLITests {
  @Test func exportImportRoundTripThroughTheCLI() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = try TestSupport.write(TestSupport.sampleGlossary, to: "s.zh-en.tsv", in: dir)
    for format in ["tsv", "csv", "tbx", "tbx2", "json"] {
      let out = dir + "/x." + format
      #expect(try TestSupport.run(["export", "--format", format, "--out", out, "--glossary", g]).status == 0)
      let target = dir + "/rt-\(format).tsv"
      let r = try TestSupport.run(["import", out, "--format", format, "--glossary", target])
      #expect(r.status == 0 && r.stderr.contains("(zh-en): 4 concepts added; terms: 12 added"), "\(format): \(r.stderr)")
      let again = dir + "/y." + format
      #expect(try TestSupport.run(["export", "--format", format, "--out", again, "--glossary", target]).status == 0)
      #expect(try String(contentsOfFile: again, encoding: .utf8) == String(contentsOfFile: out, encoding: .utf8), "\(format)")
    }
    let conflict = try TestSupport.write("zh,en,status\n国家主席,State President,preferred\n", to: "c.csv", in: dir)
    let r = try TestSupport.run(["import", conflict, "--glossary", g])
    #expect(r.status == 1 && r.stderr.contains("two preferred en terms of concept c4 (国家主席)"))
    // Another language pair is refused, nothing written; so is an export onto the glossary itself.
    let before = try String(contentsOfFile: g, encoding: .utf8)
    let es = try TestSupport.write("en,es\nblack hole,agujero negro\n", to: "es.csv", in: dir)
    let refused = try TestSupport.run(["import", es, "--glossary", g])
    #expect(refused.status == 65 && refused.stderr.contains("holds en, es but the glossary holds zh, en: nothing imported"))
    let onto = try TestSupport.run(["export", "--format", "tsv", "--out", g, "--glossary", g])
    #expect(onto.status == 64)
    #expect(try String(contentsOfFile: g, encoding: .utf8) == before)
  }

  /// TBX-Basic's own English-Spanish sample (another tool's TBX, synonyms on both sides), when the shared data are there.
  @Test func astronomySampleIntoANewGlossaryAndBack() throws {
    let shared = ProcessInfo.processInfo.environment["GLOSSARY_SHARED_DATA"] ?? "../shared/data"
    let tbx = shared + "/tbx/Example_Astronomy_DCA_VALID.tbx"
    guard FileManager.default.fileExists(atPath: tbx) else { return }
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let astro = dir + "/astro.tsv"
    let r = try TestSupport.run(["import", tbx, "--glossary", astro])
    #expect(r.status == 0 && r.stderr.contains("(en-es-zu): 45 concepts added; terms: 113 added") && !r.stderr.contains("conflict"))
    let es = try TestSupport.run(["lookup", "agujero negro", "--glossary", astro])
    #expect(es.status == 0 && es.stdout.hasPrefix("black hole  (rendering: agujero negro)"))
    let en = try TestSupport.run(["lookup", "black hole", "--glossary", astro])
    #expect(en.status == 0 && en.stdout.contains("agujero negro"))
    let out = dir + "/astro-out.tbx"
    #expect(try TestSupport.run(["export", "--all", "--out", out, "--glossary", astro]).status == 0)
    let schema = shared + "/tbx/TBXcoreStructV03_TBX-Basic_integrated.rng"
    if FileManager.default.fileExists(atPath: "/usr/bin/xmllint") {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
      p.arguments = ["--noout", "--relaxng", schema, out]
      p.standardError = FileHandle.nullDevice
      try p.run()
      p.waitUntilExit()
      #expect(p.terminationStatus == 0)
    }
    let back = dir + "/back.tsv"
    #expect(try TestSupport.run(["import", out, "--glossary", back]).status == 0)
    func rows(_ path: String) throws -> [Substring] { try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") } }
    #expect(try rows(back) == rows(astro))
  }

  /// Reads the TBX 2 export with OmegaT's own TBX reader when OmegaT is installed (Debian package omegat).
  @Test func omegaTReadsTheTBX2() throws {
    let jar = "/usr/share/omegat/OmegaT.jar"
    let source = (ProcessInfo.processInfo.environment["GLOSSARY_SHARED_DATA"].map { $0 + "/../eval" } ?? "../shared/eval") + "/OmegaTReadTBX.java"
    guard FileManager.default.fileExists(atPath: jar), FileManager.default.fileExists(atPath: source),
      FileManager.default.fileExists(atPath: "/usr/bin/javac")
    else { return }
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = try TestSupport.write(TestSupport.sampleGlossary, to: "s.zh-en.tsv", in: dir)
    let out = dir + "/glossary.tbx"
    #expect(try TestSupport.run(["export", "--format", "tbx2", "--out", out, "--glossary", g]).status == 0)
    _ = try Self.sh(["javac", "-cp", jar, "-d", dir, source])
    let read = try Self.sh(["java", "-cp", jar + ":" + dir, "OmegaTReadTBX", out, "zh", "en"])
    let pairs = Set(read.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(2).joined(separator: "\t") })
    #expect(pairs == [
      "一带一路\tthe Belt and Road Initiative", "一带一路\tthe Belt and Road", "一带一路\tOne Belt, One Road", "一带一路\tOBOR",
      "人类命运共同体\ta community with a shared future for humanity", "人类命运共同体\ta community with a shared future for mankind",
      "命运共同体\tcommunity with a shared future", "国家主席\tPresident",
    ])
  }

  static func sh(_ args: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Reads the TSV export with OmegaT's own reader when OmegaT is installed (Debian package omegat).
  @Test func omegaTReadsTheTSV() throws {
    let jar = "/usr/share/omegat/OmegaT.jar"
    let source = (ProcessInfo.processInfo.environment["GLOSSARY_SHARED_DATA"].map { $0 + "/../eval" } ?? "../shared/eval") + "/OmegaTRead.java"
    guard FileManager.default.fileExists(atPath: jar), FileManager.default.fileExists(atPath: source),
      FileManager.default.fileExists(atPath: "/usr/bin/javac")
    else { return }
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = try TestSupport.write(TestSupport.sampleGlossary, to: "s.zh-en.tsv", in: dir)
    let out = dir + "/glossary.utf8"
    #expect(try TestSupport.run(["export", "--format", "tsv", "--out", out, "--glossary", g]).status == 0)
    _ = try Self.sh(["javac", "-cp", jar, "-d", dir, source])
    let read = try Self.sh(["java", "-cp", jar + ":" + dir, "OmegaTRead", out])
    let expected = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
    #expect(read.split(separator: "\n").map(String.init) == expected.map(String.init))
  }
}
