import Foundation
import GlossaryTestSupport
import Testing

@Suite struct LookupCLITests {
  let dir: String
  let path: String

  init() throws {
    dir = try TestSupport.temporaryDirectory()
    path = try TestSupport.write(TestSupport.sampleGlossary, to: "s.zh-en.tsv", in: dir)
  }

  @Test func textOutputAndExitCodes() throws {
    let r = try TestSupport.run(["lookup", "命運共同體", "--glossary", path])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("命运共同体"))
    #expect(r.stdout.contains("preferred  community with a shared future"))
    #expect(!r.stdout.contains("\u{1B}["))  // plain when piped
    let none = try TestSupport.run(["lookup", "完全无关的话", "--glossary", path])
    #expect(none.status == 1 && none.stdout.isEmpty)
    let broken = try TestSupport.write("zh\ten\tstatus\n甲\tA\tbogus\n", to: "b.tsv", in: dir)
    let err = try TestSupport.run(["lookup", "甲", "--glossary", broken])
    #expect(err.status == 65)
    #expect(err.stderr.contains("b.tsv:2: unknown status \"bogus\""))
    #expect(try TestSupport.run(["lookup", "甲", "--glossary", dir + "/missing.tsv"]).status == 66)
  }

  @Test func deprecatedShowDatesAndReplacement() throws {
    let r = try TestSupport.run(["lookup", "一带一路", "--glossary", path])
    #expect(r.stdout.contains("superseded  One Belt, One Road  (2013-09-07 to 2015-12-31)  -> use: the Belt and Road Initiative"))
    let asOf = try TestSupport.run(["lookup", "一带一路", "--as-of", "2015-01-01", "--glossary", path])
    #expect(asOf.stdout.contains("One Belt, One Road") && !asOf.stdout.contains("Initiative  ("))
  }

  @Test func json() throws {
    let r = try TestSupport.run(["lookup", "Community With A Shared Future", "--json", "--glossary", path])
    #expect(r.status == 0)
    let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    let hits = obj["hits"] as! [[String: Any]]
    #expect(hits.first?["source"] as? String == "命运共同体")
    #expect(hits.first?["kind"] as? String == "exact")
    let rendering = (hits.first?["renderings"] as! [[String: Any]]).first!
    for key in ["source", "target", "status", "documents"] { #expect(rendering[key] != nil) }
    let evidence = try TestSupport.run(["lookup", "人类命运共同体", "--json", "--glossary", path])
    #expect(evidence.stdout.contains("\"firstSeen\" : \"2022-03-01\""))
  }

  @Test func batch() throws {
    let r = try TestSupport.run(["lookup", "--batch", "-", "--glossary", path], stdin: "一带一路\nnothing at all here\nobor\n")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.filter { $0.hasPrefix("一带一路\texact\t") }.count == 4)
    #expect(lines.contains("nothing at all here\t\t\t\t\t\t\t"))
    #expect(lines.contains { $0.hasPrefix("obor\texact\t一带一路\tOBOR\tdeprecated") })
    let j = try TestSupport.run(["lookup", "--batch", "-", "--json", "--glossary", path], stdin: "一带一路\nobor\n")
    #expect(j.stdout.split(separator: "\n").count == 2)
  }
}
