import Foundation
import GlossaryKit
import Testing

/// The evidence behind `warning` findings of terms with no rendering in their aligned target:
/// another term's rendering in the slot, a reworded rendering, the word aligner's links.
@Suite struct CheckEvidenceTests {
  static func checker(alignWords: Bool) throws -> TerminologyChecker {
    let g = try GlossaryStore.load(path: CheckTests.fixtures + "/check.zh-en.tsv")
    let index = try CheckIndex(glossaries: [g], source: try Language("zh"), target: try Language("en"))
    return try TerminologyChecker(index: index, options: CheckOptions(alignWords: alignWords))
  }

  static func check(_ zh: String, _ en: String, alignWords: Bool = false, learn: [(String, String)] = []) throws -> CheckReport {
    let checker = try checker(alignWords: alignWords)
    for (s, t) in learn { checker.learn(source: TextDocument(text: s), target: TextDocument(text: t)) }
    return try checker.check(source: TextDocument(text: zh), target: TextDocument(text: en), date: ISODate("2019-05-01")!)
  }

  @Test func anotherTermsRenderingInTheSlotIsAWarning() throws {
    // 务实合作 rendered as 高层交往's "high-level exchanges", and 高层交往 is not in the source.
    let r = try Self.check("双方同意深化务实合作。", "The two sides agreed to deepen high-level exchanges.")
    #expect(r.findings.count == 1)
    let f = try #require(r.findings.first)
    #expect((f.kind, f.severity, f.term, f.found) == (.missing, .warning, "务实合作", "high-level exchanges"))
    #expect(f.message == "务实合作 is rendered \"high-level exchanges\", the glossary's rendering of 高层交往, which the source does not have; "
      + "the glossary has \"practical cooperation\" (or \"pragmatic cooperation\")")
    // When the source has 高层交往 too, that rendering is its own: nothing says what 务实合作 became.
    let both = try Self.check("双方同意深化务实合作和高层交往。", "The two sides agreed to deepen high-level exchanges.")
    #expect(both.findings.map(\.severity) == [.info])
  }

  @Test func rewordedHeadIsAWarningAndAnotherModifierIsNot() throws {
    let r = try Self.check("双方同意深化务实合作。", "The two sides agreed to deepen practical strategy.")
    #expect(r.findings.map(\.severity) == [.warning])
    #expect(r.findings.first?.found == "practical strategy")
    #expect(r.findings.first?.message.hasPrefix("务实合作 is rendered \"practical strategy\", a reworded rendering; the glossary has") == true)
    // The head kept, a modifier changed: the same concept in other words (info).
    let modifier = try Self.check("双方同意深化务实合作。", "The two sides agreed to deepen concrete cooperation.")
    #expect(modifier.findings.map(\.severity) == [.info])
  }

  @Test func wordAlignerLinksNameTheWordsOfAWarning() throws {
    // Pairs the aligner learns from (not checked): 务实合作 with "practical cooperation", the
    // rest of the sentence with its own words, so "solid collaboration" is left for 务实合作.
    let learn = (0..<6).flatMap { _ in [
      ("双方同意深化务实合作。", "The two sides agreed to deepen practical cooperation."),
      ("双方同意加强友谊。", "The two sides agreed to strengthen friendship."),
      ("双方同意深化友谊。", "The two sides agreed to deepen friendship."),
      ("中方愿意加强务实合作。", "China is willing to strengthen practical cooperation."),
    ] }
    let zh = "双方同意深化务实合作。", en = "The two sides agreed to deepen solid collaboration."
    let r = try Self.check(zh, en, alignWords: true, learn: learn)
    #expect(r.findings.map(\.severity) == [.warning], "\(r.findings.map(\.message))")
    #expect(r.findings.first?.found == "solid collaboration")
    #expect(r.findings.first?.message == "务实合作 is rendered \"solid collaboration\"; the glossary has \"practical cooperation\" (or \"pragmatic cooperation\")")
    // Without the word aligner, the same pair is an info: nothing names what the term became.
    #expect(try Self.check(zh, en).findings.map(\.severity) == [.info])
  }
}
