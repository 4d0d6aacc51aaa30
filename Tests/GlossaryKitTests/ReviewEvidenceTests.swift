import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

/// Highlight offsets (UTF-16, in the original text) found on match keys, and the sheet's CSV reader.
struct ReviewEvidenceTests {
  let h: ReviewHighlighter

  init() throws { h = ReviewHighlighter(normalizer: try MatchKeyNormalizer()) }

  func marked(_ term: String, _ text: String) -> [String] {
    h.highlight(term, in: text).pieces.filter(\.highlighted).map(\.text)
  }

  @Test func findsTheTermThroughMatchKeys() {
    // Traditional in the sentence, Simplified in the glossary.
    let text = "我们要构建人類命運共同體。"
    #expect(h.ranges(of: "人类命运共同体", in: text) == [5..<12])
    #expect(marked("人类命运共同体", text) == ["人類命運共同體"])
    // Case and full-width letters.
    #expect(marked("the Belt and Road Initiative", "Ｔｈｅ BELT and Road Initiative works.") == ["Ｔｈｅ BELT and Road Initiative"])
    // Offsets count UTF-16 units in the original (an astral character before the hit).
    #expect(h.ranges(of: "road", in: "𠀀 road") == [3..<7])
  }

  @Test func respectsWordEdgesAndOptionalArticles() {
    #expect(marked("relations", "correlations and relations") == ["relations"])
    #expect(marked("the Belt and Road Initiative", "under Belt and Road Initiative projects") == ["Belt and Road Initiative"])
    // No whole-word hit: a plain substring hit still highlights a plural.
    #expect(marked("partnership", "two partnerships") == ["partnership"])
    #expect(h.ranges(of: "absent", in: "nothing here").isEmpty)
  }

  @Test func evidenceHighlightsBothSides() {
    let e = GlossaryEntry(
      source: "一带一路", target: "the Belt and Road Initiative",
      examples: [TermExample(document: "2018-01-01-b", source: "共建“一带一路”倡议。", target: "Jointly pursue the Belt and Road Initiative.")])
    let ev = h.evidence(for: e)
    #expect(ev.count == 1)
    #expect(ev[0].source.highlights == [3..<7])
    #expect(ev[0].target.pieces.filter(\.highlighted).map(\.text) == ["the Belt and Road Initiative"])
  }

  @Test func corpusEvidenceFindsBothSidesInTheDocumentsSeen() throws {
    let dir = try TestSupport.temporaryDirectory("review-corpus")
    try TestSupport.write("中方愿同哈方加强战略沟通。双方同意深化合作。\n", to: "2013-09-07-talks.zh.txt", in: dir)
    try TestSupport.write("China is ready to strengthen strategic communication. The two sides agreed.\n", to: "2013-09-07-talks.en.txt", in: dir)
    let corpus = try ReviewCorpusEvidence(folder: dir, highlighter: h)
    let e = GlossaryEntry(source: "加强战略沟通", target: "strengthen strategic communication", seenIn: ["2013-09-07-talks", "2014-01-01-missing"])
    let ev = corpus.evidence(for: e, limit: 2)
    #expect(ev.count == 1)
    #expect(ev.first?.document == "2013-09-07-talks (corpus)")
    #expect(ev.first?.source.pieces.filter(\.highlighted).map(\.text) == ["加强战略沟通"])
    #expect(ev.first?.target.text == "China is ready to strengthen strategic communication.")
  }

  @Test func corpusEvidenceComesFromTheAlignmentStoreWhenThereIsOne() throws {
    let dir = try TestSupport.temporaryDirectory("review-store")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try StoreFixture.write(into: dir)
    let e = GlossaryEntry(
      source: "务实合作", target: "practical cooperation",
      seenIn: ["2014-05-20-talks-with-laos", "2017-03-02-talks-with-cambodia", "2021-07-01-message-to-vietnam"],
      examples: [TermExample(document: "2017-03-02-talks-with-cambodia", source: "双方将加强务实合作。", target: "The two sides will strengthen practical cooperation.")])
    // No store yet: sentences found separately.
    let scanned = try ReviewCorpusEvidence(folder: dir, highlighter: h)
    #expect(!scanned.usesStore)
    #expect(scanned.evidence(for: e, limit: 5).map(\.document) == ["2014-05-20-talks-with-laos (corpus)", "2021-07-01-message-to-vietnam (corpus)"])
    _ = try StoreFixture.update(dir)
    let stored = try ReviewCorpusEvidence(folder: dir, highlighter: h)
    #expect(stored.usesStore)
    let ev = stored.evidence(for: e, limit: 5)
    #expect(ev.map(\.document) == ["2014-05-20-talks-with-laos", "2021-07-01-message-to-vietnam"])
    #expect(ev.map { $0.source.pieces.filter(\.highlighted).map(\.text) } == [["务实合作"], ["务实合作"]])
    #expect(ev.map { $0.target.pieces.filter(\.highlighted).map(\.text) } == [["practical cooperation"], ["practical cooperation"]])
    #expect(ev.last?.target.text == "China-Viet Nam practical cooperation has borne fruit.")
    #expect(stored.evidence(for: e, limit: 1).count == 1)
  }

  @Test func sheetRecordsKeepTheirStartLines() throws {
    let text = "\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\r\nthere\"\r\n\r\nlast,\n"
    let records = try ReviewCSV.parse(text, path: "s.csv")
    #expect(records.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\"\r\nthere"], ["last", ""]])
    #expect(records.map(\.line) == [1, 2, 5])
    #expect(try ReviewCSV.parse(ReviewCSV.render([["a,b", "c\"d", "e\nf"]]), path: "s.csv").first?.fields == ["a,b", "c\"d", "e\nf"])
  }
}
