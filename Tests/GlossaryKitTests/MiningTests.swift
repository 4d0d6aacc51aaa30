import GlossaryAlign
import Testing
@testable import GlossaryKit

@Suite struct MiningTests {
  /// A pair of token id sequences in a document (ranges unused by the miner).
  func pair(_ doc: Int32, _ source: [Int32], _ target: [Int32] = []) -> AlignedPair {
    AlignedPair(document: doc, sourceRange: 0..<0, targetRange: 0..<0, sourceTokens: source, targetTokens: target,
                sourceTokenRanges: source.map { _ in 0..<0 }, targetTokenRanges: target.map { _ in 0..<0 }, score: 1)
  }

  // Source ids: 1 人类, 2 命运, 3 共同体, 4 构建, 5 的, 6 。, 7 中老, 8 推动, 9 国, 10 务委员
  let content: [Bool] = [false, true, true, true, true, true, false, true, true, true, true]
  let edge: [Bool] = [false, true, true, true, true, false, false, true, true, true, true]

  @Test func nestedTermsKeptOnlyWhenTheyRecurOnTheirOwn() {
    let pairs = [
      pair(0, [4, 1, 2, 3, 6]),  // 构建人类命运共同体。
      pair(1, [1, 2, 3, 5, 6]),  // 人类命运共同体的。
      pair(2, [7, 2, 3, 6]),  // 中老命运共同体。
      pair(3, [2, 3, 6]),  // 命运共同体。
      pair(4, [8, 1, 2, 3, 6]),  // 推动人类命运共同体。
    ]
    let found = PhraseMiner(minDocuments: 2).mine(pairs: pairs, isContent: content, isLeftEdge: edge, isRightEdge: edge) { $0.count >= 1 }
    let phrases = Set(found.map(\.tokens))
    #expect(phrases.contains([1, 2, 3]))  // 人类命运共同体 in 2 documents
    #expect(phrases.contains([2, 3]))  // 命运共同体 also on its own in 2 documents
    #expect(!phrases.contains([1, 2]))  // 人类命运 never on its own
    #expect(!phrases.contains([3, 5]))  // 的 may not end a phrase
    let term = found.first { $0.tokens == [1, 2, 3] }!
    #expect(term.documents == [0, 1, 4])
    #expect(found.first { $0.tokens == [2, 3] }!.independentDocuments == 2)
  }

  @Test func piecesOfACutWordAreNotPhrases() {
    // 国|务委员 (a word ICU cut): 务委员 never stands without 国 before it.
    let pairs = [pair(0, [9, 10, 6]), pair(1, [9, 10, 5]), pair(2, [6, 9, 10])]
    let found = PhraseMiner(minDocuments: 2).mine(pairs: pairs, isContent: content, isLeftEdge: edge, isRightEdge: edge) { _ in true }
    #expect(Set(found.map(\.tokens)) == [[9, 10]])
  }

  @Test func phrasesBelowTheDocumentThresholdAreDropped() {
    let pairs = [pair(0, [1, 2, 3]), pair(0, [1, 2, 3]), pair(1, [4, 1])]
    let found = PhraseMiner(minDocuments: 2).mine(pairs: pairs, isContent: content, isLeftEdge: edge, isRightEdge: edge) { _ in true }
    #expect(Set(found.map(\.tokens)) == [[1]])
  }

  /// A pair whose target tokens are separate words (a space between each), except where `glued` says.
  func targetPair(_ target: [Int32], glued: Set<Int> = []) -> AlignedPair {
    var ranges: [Range<Int32>] = []
    var at: Int32 = 0
    for i in target.indices {
      if i > 0 && !glued.contains(i) { at += 1 }
      ranges.append(at..<(at + 1))
      at += 1
    }
    return AlignedPair(document: 0, sourceRange: 0..<0, targetRange: 0..<0, sourceTokens: [1, 2, 3], targetTokens: target,
                       sourceTokenRanges: [0..<1, 1..<2, 2..<3], targetTokenRanges: ranges, score: 1)
  }

  @Test func targetSpansFollowConsistentLinksAndGrowOverUnalignedWords() {
    let collector = RenderingCollector()
    // Target ids: 1 general, 2 secretary, 3 central, 4 committee, 5 ".", 6 "of"; 6 is a function word.
    let isWord = [false, true, true, true, true, false, true]
    let isEdge = [false, false, false, false, false, false, true]
    let pair = targetPair([1, 2, 3, 4, 5])
    let links = [AlignmentLink(source: 0, target: 2), AlignmentLink(source: 0, target: 3), AlignmentLink(source: 1, target: 4)]
    // Source token 0 links to "central committee"; "general secretary" before it is unaligned, so spans may grow over it.
    let spans = collector.targetSpans(of: 0..<1, pair: pair, links: links, isWord: isWord, isEdgeWord: isEdge)
    #expect(Set(spans) == [2..<4, 1..<4, 0..<4])
    // Source span 0..<2 would take target 4 (punctuation) too: trimmed off.
    #expect(collector.targetSpans(of: 0..<2, pair: pair, links: links, isWord: isWord, isEdgeWord: isEdge).contains(2..<4))
    // Inconsistent: target 3 is linked from source 2 as well as from inside the span's range.
    let crossing = [AlignmentLink(source: 0, target: 2), AlignmentLink(source: 0, target: 4), AlignmentLink(source: 2, target: 3)]
    #expect(collector.targetSpans(of: 0..<1, pair: pair, links: crossing, isWord: isWord, isEdgeWord: isEdge).isEmpty)
    // An orthographic word is never cut: "one-China" (one, -, china glued together).
    let glued = targetPair([1, 5, 2], glued: [1, 2])
    let partial = [AlignmentLink(source: 0, target: 0), AlignmentLink(source: 2, target: 2)]
    #expect(collector.targetSpans(of: 0..<1, pair: glued, links: partial, isWord: isWord, isEdgeWord: isEdge) == [0..<3])
  }

  @Test func lexicalWeightsInBothDirections() {
    // One occurrence: source tokens 0..<2 rendered by target tokens 0..<2, linked 0-0 and 1-1.
    let p = AlignedPair(document: 0, sourceRange: 0..<0, targetRange: 0..<0, sourceTokens: [1, 2], targetTokens: [3, 4],
                        sourceTokenRanges: [0..<1, 1..<2], targetTokenRanges: [0..<1, 2..<3], score: 1)
    let corpus = PreparedCorpus(sourceLanguage: try! Language("zh"), targetLanguage: try! Language("en"), documents: [], pairs: [p],
                                sourceVocabulary: TokenVocabulary(), targetVocabulary: TokenVocabulary())
    let alignment = CorpusWordAlignment(
      links: [[AlignmentLink(source: 0, target: 0), AlignmentLink(source: 1, target: 1)]],
      forward: { s, t in s == 1 && t == 3 ? 0.8 : (s == 2 && t == 4 ? 0.5 : 0) }, forwardNull: { _ in 0.01 },
      reverse: { s, t in s == 1 && t == 3 ? 0.9 : (s == 2 && t == 4 ? 0.4 : 0) }, reverseNull: { _ in 0.01 })
    let r = RenderingEvidence(tokens: [3, 4], occurrences: [(pair: 0, span: 0..<2, sourceStart: 0)])
    let (forward, reverse) = Extractor().lexicalWeights(r, sourceLength: 2, corpus: corpus, alignment: alignment)
    #expect(forward == 0.4)  // 0.8 * 0.5
    #expect(reverse == 0.36)  // 0.9 * 0.4
  }

  func mined(_ source: String, _ renderings: [(String, Double, [String])]) -> MinedTerm {
    MinedTerm(source: source, documents: 3, independentDocuments: 3, renderings: renderings.map { r in
      MinedRendering(target: r.0, occurrences: r.2.count, documents: r.2,
                     examples: [TermExample(document: r.2[0], source: "s", target: "t")], share: r.1, reverseShare: 1, lexicalWeight: 0.5, reverseLexicalWeight: 0.5, logDice: 10, score: 0.5)
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
    #expect(counts.new == 2 && counts.updated == 1)
    // A curated row is matched (Traditional source, other case) but left as it is: no new candidate for it.
    let practical = g.entries.first { $0.source == "务实合作" }!
    #expect(practical.target == "practical cooperation" && practical.status == .preferred && practical.note == "keep me")
    #expect(practical.seenIn.isEmpty)
    #expect(g.entries.filter { $0.source == "务实合作" || $0.source == "務實合作" }.count == 1)
    // The rejected row gets the mined evidence.
    #expect(g.entries.first { $0.target == "high-level contacts" }!.seenIn == ["2020-01-01-a", "2020-02-01-c"])
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
