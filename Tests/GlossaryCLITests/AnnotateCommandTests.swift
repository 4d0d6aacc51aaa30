import Foundation
import GlossaryTestSupport
import Testing

@Suite struct AnnotateCommandTests {
  static let glossary = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../GlossaryKitTests/Fixtures/check/check.zh-en.tsv").standardized.path

  @Test func marksSourceTermsWithRenderingAtDate() throws {
    let r = try TestSupport.run(
      ["annotate", "--glossary", Self.glossary, "--lang", "zh", "--date", "2023-01-01"], stdin: "推动構建人類命運共同體。\n")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("推动構建[[人類命運共同體|a community with a shared future for humanity]]。\n"))
    #expect(r.stdout.contains("人类命运共同体 ×1: a community with a shared future for humanity  (avoid: a community with a shared future for mankind)"))
  }

  @Test func jsonHasOffsetsAndTargetSide() throws {
    let r = try TestSupport.run(
      ["annotate", "--glossary", Self.glossary, "--lang", "en", "--format", "json"], stdin: "We deepen the practical cooperations.\n")
    #expect(r.status == 0, "\(r.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let term = (json?["terms"] as? [[String: Any]])?.first
    #expect(term?["term"] as? String == "务实合作")
    #expect(term?["start"] as? Int == 14)
    #expect(term?["end"] as? Int == 36)
    #expect(json?["side"] as? String == "target")
  }

  @Test func datedFileUsesItsOwnDate() throws {
    let dir = try TestSupport.temporaryDirectory()
    let early = try TestSupport.write("推进一带一路建设。\n", to: "2015-03-01-plan.zh.txt", in: dir)
    let r = try TestSupport.run(["annotate", "--glossary", Self.glossary, early], environment: ["GLOSSARY_TODAY": "2024-01-01"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("推进[[一带一路|One Belt, One Road]]建设。\n"))
    #expect(r.stdout.contains("renderings valid at 2015-03-01"))
    let undated = try TestSupport.write("推进一带一路建设。\n", to: "plan.zh.txt", in: dir)
    let today = try TestSupport.run(["annotate", "--glossary", Self.glossary, undated], environment: ["GLOSSARY_TODAY": "2024-01-01"])
    #expect(today.stdout.hasPrefix("推进[[一带一路|the Belt and Road Initiative]]建设。\n"))
    try TestSupport.write("date: 2014-01-01\n", to: "plan.meta", in: dir)
    let meta = try TestSupport.run(["annotate", "--glossary", Self.glossary, undated], environment: ["GLOSSARY_TODAY": "2024-01-01"])
    #expect(meta.stdout.hasPrefix("推进[[一带一路|One Belt, One Road]]建设。\n"))
  }

  @Test func fileInAnotherLanguageThanItsNameExits65() throws {
    let dir = try TestSupport.temporaryDirectory()
    let fake = try TestSupport.write("The two sides will deepen practical cooperation.\n", to: "2020-01-01-x.zh.txt", in: dir)
    let r = try TestSupport.run(["annotate", "--glossary", Self.glossary, fake])
    #expect(r.status == 65)
    #expect(r.stderr.contains("\(fake): expected a zh text"))
  }
}
