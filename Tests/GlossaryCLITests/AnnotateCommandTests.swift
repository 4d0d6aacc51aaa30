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
}
