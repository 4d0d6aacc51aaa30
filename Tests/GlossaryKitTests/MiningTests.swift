import GlossaryAlign
import Testing
@testable import GlossaryKit

@Suite struct MiningTests {
  /// A pair of token id sequences in a document (ranges unused by the miner).
  func pair(_ doc: Int32, _ source: [Int32], _ target: [Int32] = []) -> AlignedPair {
    AlignedPair(document: doc, sourceRange: 0..<0, targetRange: 0..<0, sourceTokens: source, targetTokens: target,
                sourceTokenRanges: source.map { _ in 0..<0 }, targetTokenRanges: target.map { _ in 0..<0 }, score: 1)
  }

  // Source ids: 1 人类, 2 命运, 3 共同体, 4 构建, 5 的, 6 。, 7 中老
  let content: [Bool] = [false, true, true, true, true, true, false, true]
  let edge: [Bool] = [false, true, true, true, true, false, false, true]

  @Test func nestedTermsKeptOnlyWhenTheyRecurOnTheirOwn() {
    let pairs = [
      pair(0, [4, 1, 2, 3, 6]),  // 构建人类命运共同体。
      pair(1, [1, 2, 3, 5, 6]),  // 人类命运共同体的。
      pair(2, [7, 2, 3, 6]),  // 中老命运共同体。
      pair(3, [2, 3, 6]),  // 命运共同体。
    ]
    let found = PhraseMiner(minDocuments: 2).mine(pairs: pairs, isContent: content, isEdgeAllowed: edge) { $0.count >= 1 }
    let phrases = Set(found.map(\.tokens))
    #expect(phrases.contains([1, 2, 3]))  // 人类命运共同体 in 2 documents
    #expect(phrases.contains([2, 3]))  // 命运共同体 also on its own in 2 documents
    #expect(!phrases.contains([1, 2]))  // 人类命运 never on its own
    #expect(!phrases.contains([3, 5]))  // 的 may not end a phrase
    let term = found.first { $0.tokens == [1, 2, 3] }!
    #expect(term.documents == [0, 1])
    #expect(found.first { $0.tokens == [2, 3] }!.independentDocuments == 2)
  }

  @Test func phrasesBelowTheDocumentThresholdAreDropped() {
    let pairs = [pair(0, [1, 2, 3]), pair(0, [1, 2, 3]), pair(1, [4, 1])]
    let found = PhraseMiner(minDocuments: 2).mine(pairs: pairs, isContent: content, isEdgeAllowed: edge) { _ in true }
    #expect(Set(found.map(\.tokens)) == [[1]])
  }

  @Test func targetSpanFollowsConsistentLinks() {
    let collector = RenderingCollector()
    let isWord = [false, true, true, true, true, false]  // id 5 is punctuation
    let tokens: [Int32] = [1, 2, 3, 4, 5]
    let links = [AlignmentLink(source: 0, target: 1), AlignmentLink(source: 1, target: 2), AlignmentLink(source: 2, target: 0)]
    // Source span 0..<2 links to targets 1 and 2: consistent.
    #expect(collector.targetSpan(of: 0..<2, links: links, targetCount: 5, isWord: isWord, tokens: tokens) == 1..<3)
    // Source span 1..<3 links to 0 and 2, but target 1 is linked from outside: inconsistent.
    #expect(collector.targetSpan(of: 1..<3, links: links, targetCount: 5, isWord: isWord, tokens: tokens) == nil)
    // Punctuation at the edge is trimmed.
    let withPunct = [AlignmentLink(source: 0, target: 3), AlignmentLink(source: 0, target: 4)]
    #expect(collector.targetSpan(of: 0..<1, links: withPunct, targetCount: 5, isWord: isWord, tokens: tokens) == 3..<4)
  }

  func mined(_ source: String, _ renderings: [(String, Double, [String])]) -> MinedTerm {
    MinedTerm(source: source, documents: 3, independentDocuments: 3, renderings: renderings.map { r in
      MinedRendering(target: r.0, occurrences: r.2.count, documents: r.2,
                     examples: [TermExample(document: r.2[0], source: "s", target: "t")], share: r.1, logDice: 10, score: 0.5)
    }, score: 0.5)
  }

  @Test func mergeProposesCandidatesAndRefreshesOnlyEvidence() throws {
    var g = Glossary(sourceLanguage: "zh", targetLanguage: "en", entries: [
      GlossaryEntry(source: "务实合作", target: "practical cooperation", status: .preferred, note: "keep me", reviewer: "t"),
      GlossaryEntry(source: "高层交往", target: "high-level contacts", status: .rejected),
    ])
    let keys = try LookupKeys()
    let terms = [
      mined("務實合作", [("Practical Cooperation", 0.9, ["2020-01-01-a", "2021-01-01-b"])]),
      mined("高层交往", [("high-level contacts", 0.6, ["2020-01-01-a", "2020-02-01-c"]), ("high-level exchanges", 0.4, ["2021-01-01-b", "2022-01-01-d"])]),
      mined("全球发展倡议", [("the Global Development Initiative", 1, ["2021-09-22-x", "2022-04-22-y"])]),
    ]
    let counts = g.merge(terms, keys: keys)
    #expect(counts.new == 2 && counts.updated == 2)
    let practical = g.entries.first { $0.source == "务实合作" }!
    #expect(practical.target == "practical cooperation" && practical.status == .preferred && practical.note == "keep me")
    #expect(practical.seenIn == ["2020-01-01-a", "2021-01-01-b"] && practical.occurrences == 2)
    // The rejected rendering stays rejected; the other one is proposed.
    #expect(g.entries.first { $0.target == "high-level contacts" }!.status == .rejected)
    #expect(g.entries.first { $0.target == "high-level exchanges" }!.status == .candidate)
    #expect(g.entries.first { $0.source == "全球发展倡议" }!.status == .candidate)
    // A second run with the same evidence changes nothing.
    let before = g
    let again = g.merge(terms, keys: keys)
    #expect(again.new == 0 && again.updated == 0 && again.unchanged == 4)
    #expect(g == before)
  }
}
