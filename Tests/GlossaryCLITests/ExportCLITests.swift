import Foundation
import GlossaryTestSupport
import Testing

@Suite struct ExportCLITests {
  @Test func exportImportRoundTripThroughTheCLI() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = try TestSupport.write(TestSupport.sampleGlossary, to: "s.zh-en.tsv", in: dir)
    for format in ["tsv", "csv", "tbx", "json"] {
      let out = dir + "/x." + format
      #expect(try TestSupport.run(["export", "--format", format, "--out", out, "--glossary", g]).status == 0)
      let target = dir + "/rt-\(format).zh-en.tsv"
      let r = try TestSupport.run(["import", out, "--glossary", target])
      #expect(r.status == 0 && r.stderr.contains("8 added"))
      let again = dir + "/y." + format
      #expect(try TestSupport.run(["export", "--format", format, "--out", again, "--glossary", target]).status == 0)
      if format != "tbx" {  // TBX does not carry the file's header comments
        #expect(try String(contentsOfFile: again, encoding: .utf8) == String(contentsOfFile: out, encoding: .utf8))
      }
    }
    let conflict = try TestSupport.write("zh,en,status\n国家主席,State President,preferred\n", to: "c.csv", in: dir)
    let r = try TestSupport.run(["import", conflict, "--glossary", g])
    #expect(r.status == 1 && r.stderr.contains("glossary prefers \"President\""))
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
    func sh(_ args: [String]) throws -> String {
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
    _ = try sh(["javac", "-cp", jar, "-d", dir, source])
    let read = try sh(["java", "-cp", jar + ":" + dir, "OmegaTRead", out])
    let expected = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
    #expect(read.split(separator: "\n").map(String.init) == expected.map(String.init))
  }
}
