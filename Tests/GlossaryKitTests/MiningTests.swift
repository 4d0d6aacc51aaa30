import GlossaryAlign
import Testing
@testable import GlossaryKit

@Suite struct MiningTests {
  /// A pair of token id sequences in a document (ranges unused by the miner).
  func pair(_ doc: Int32, _ source: [Int32], _ target: [Int32] = []) -> AlignedPair {
    AlignedPair(document: doc, sourceRange: 0..<0, targetRange: 0..<0, sourceTokens: source, targetTokens: target,
                sourceTokenRanges: source.map { _ in 0..<0 }, targetTokenRanges: target.map { _ in 0..<0 }, score: 1)
  }

  // Source units (one character or word each): 1 人类, 2 命运, 3 共同体, 4 构建, 5 的, 6 。, 7 中老, 8 推动,
  // 9 国, 10 务委员, 11 致, 12 贺电, 13 在, 14 中
  let vocabulary = PhraseMiner.Vocabulary(
    isContent: [false, true, true, true, true, true, false, true, true, true, true, true, true, true, true],
    isInner: Array(repeating: false, count: 15), isQuote: Array(repeating: false, count: 15),
    length: [0, 2, 2, 3, 2, 1, 1, 2, 2, 1, 3, 1, 2, 1, 1], unspaced: true)
  let whole: UnitFlags = [.wordStart, .wordEnd]
  /// Flags of ordinary words, with 的/在 as function words and 构建/推动/致 as openers.
  func flags(_ ids: [Int32]) -> [UnitFlags] {
    ids.map { id in
      switch id {
      case 5, 13: return whole.union([.functionStart, .functionEnd])
      case 4, 8, 11: return whole.union([.openerStart, .openerEnd])
      default: return whole
      }
    }
  }
  func unitPair(_ doc: Int32, _ source: [Int32], flags f: [UnitFlags]? = nil) -> AlignedPair {
    var p = pair(doc, source)
    p.sourceFlags = f ?? flags(source)
    return p
  }
  func mine(_ pairs: [AlignedPair]) -> [PhraseCandidate] { PhraseMiner().mine(pairs: pairs, vocabulary: vocabulary) }

  @Test func nestedTermsStayBesideLongerOnes() {
    let pairs = [
      unitPair(0, [4, 1, 2, 3, 6]),  // 构建人类命运共同体。
      unitPair(1, [1, 2, 3, 5, 6]),  // 人类命运共同体的。
      unitPair(2, [7, 2, 3, 6]),  // 中老命运共同体。
      unitPair(3, [2, 3, 6]),  // 命运共同体。
      unitPair(4, [8, 1, 2, 3, 6]),  // 推动人类命运共同体。
      unitPair(5, [7, 2, 3, 6]),  // 中老命运共同体。
    ]
    let found = mine(pairs)
    let phrases = Set(found.map(\.tokens))
    #expect(phrases.contains([1, 2, 3]))  // 人类命运共同体 in 3 documents
    #expect(phrases.contains([7, 2, 3]))  // 中老命运共同体 in 2
    #expect(phrases.contains([2, 3]))  // 命运共同体, also inside both
    #expect(!phrases.contains([3, 5]))  // 的 may not end a phrase
    #expect(!phrases.contains([4, 1, 2, 3]))  // 构建 (an opener) before 人类命运共同体 in 1 of 3 occurrences after a word
    let term = found.first { $0.tokens == [1, 2, 3] }!
    #expect(term.documents == [0, 1, 4])
    #expect(term.independence == 1)
    // 命运共同体: 1 of 6 occurrences alone, the rest in two distinct containers: C-value keeps half of those.
    let nested = found.first { $0.tokens == [2, 3] }!
    #expect(nested.independentOccurrences == 1 && nested.containers == 2)
    #expect(abs(nested.independence - (1 + 5 * 0.5) / 6) < 1e-9)
  }

  @Test func piecesOfACutWordAreNotPhrases() {
    // 国|务委员: ICU's guess inside one word (务委员 never starts a word, 国 always before it).
    let cut: [UnitFlags] = [[.wordStart], [.wordEnd], [.wordStart, .wordEnd]]
    let pairs = [unitPair(0, [9, 10, 6], flags: cut), unitPair(1, [9, 10, 5], flags: cut), unitPair(2, [9, 10, 6], flags: cut)]
    let found = Set(mine(pairs).map(\.tokens))
    #expect(found.contains([9, 10]))
    #expect(!found.contains([10]))
    // The same neighbour across a word boundary does not make a piece: 命运共同体 always after 人类.
    let words = [unitPair(0, [1, 2, 3, 6]), unitPair(1, [1, 2, 3, 6])]
    #expect(Set(mine(words).map(\.tokens)).contains([2, 3]))
  }

  @Test func anOpenerStartsAPhraseOnlyWhenTheCorpusShowsItFixed() {
    // 致贺电 in 3 documents; 贺电 after a word only after 致 (在贺电: 在 is a function word).
    let fixed = [unitPair(0, [11, 12, 6]), unitPair(1, [11, 12, 6]), unitPair(2, [11, 12, 6]), unitPair(3, [13, 12, 6])]
    let found = mine(fixed)
    #expect(found.first { $0.tokens == [11, 12] }?.ledByOpener == true)
    // 贺电 stays a candidate of its own, whole: an opener-led phrase contains nothing.
    #expect(found.first { $0.tokens == [12] }?.independence == 1)
    // 致 before 2 of the 5 occurrences of 贺电 after a word (中贺电 in 3 documents): a collocation, dropped.
    let loose = [unitPair(0, [11, 12, 6]), unitPair(1, [11, 12, 6]), unitPair(2, [14, 12, 6]), unitPair(3, [14, 12, 6]),
                 unitPair(4, [14, 12, 6])]
    let tokens = Set(mine(loose).map(\.tokens))
    #expect(!tokens.contains([11, 12]) && tokens.contains([12]))
  }

  @Test func phrasesBelowTheDocumentThresholdAreDropped() {
    let pairs = [unitPair(0, [1, 2, 3]), unitPair(0, [1, 2, 3]), unitPair(1, [7, 1])]
    #expect(Set(mine(pairs).map(\.tokens)) == [[1]])
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

  /// The token sequences spotted for a candidate.
  func spotted(_ spotter: RenderingSpotter, _ cand: PhraseCandidate) -> Set<[Int32]> {
    var scratch = RenderingSpotter.Scratch(targetVocabularySize: 16)
    return Set(spotter.spot(cand, scratch: &scratch).renderings.map(\.tokens))
  }

  @Test func spottedRenderingsHoldAnAnchorAndNoWordOfOtherSourceWords() {
    // Target ids: 1 premier, 2 of, 3 the, 4 state, 5 council, 6 ".", 7 li; 2 and 3 are function words.
    let isWord = [false, true, true, true, true, true, false, true]
    let barred = [false, false, true, true, false, false, false, false]
    // 国务院总理李 -> "Premier of the State Council Li.": source 0 (国务院) links to state and council,
    // source 1 (总理) to premier, source 2 to li; "." is glued to "li".
    let p = targetPair([1, 2, 3, 4, 5, 7, 6], glued: [6])
    let links = [AlignmentLink(source: 0, target: 3), AlignmentLink(source: 0, target: 4), AlignmentLink(source: 1, target: 0),
                 AlignmentLink(source: 2, target: 5)]
    let spotter = RenderingSpotter(pairs: [p], links: [links], isWord: isWord, isBarredEdge: barred,
                                   index: TokenSequenceIndex(pairs: [p], vocabularySize: 8, sourceVocabularySize: 4))
    func cand(_ start: Int32, _ tokens: [Int32]) -> PhraseCandidate {
      PhraseCandidate(tokens: tokens, occurrences: [(0, start)], documents: [0])
    }
    // "State Council" and its parts; never "Premier ... " (linked to 总理, as associated with it), never starting with "the".
    #expect(spotted(spotter, cand(0, [1])) == [[4, 5], [4], [5]])
    // 国务院总理: the whole title through the unlinked function words.
    #expect(spotted(spotter, cand(0, [1, 2])).contains([1, 2, 3, 4, 5]))
    // Li: the glued full stop is trimmed.
    #expect(spotted(spotter, cand(2, [3])) == [[7]])
  }

  @Test func aWordLinkedElsewhereButAssociatedWithTheTermRendersIt() {
    // Source ids: 1 人类命运共同体 (one unit here), 2 构建, 9 道路. Target ids: 1 build, 2 community, 3 for, 4 mankind, 5 road.
    // In four documents 构建人类命运共同体 -> "build community for mankind", the aligner linking "mankind" to 构建;
    // in two more 构建道路 -> "build road". "mankind" is with the term in all its pairs, with 构建 in 4 of 6:
    // it renders the term; "build" is with 构建 in all 6 pairs, with the term in 4 of 6: it stays out.
    func p(_ d: Int32, _ source: [Int32], _ target: [Int32]) -> AlignedPair {
      var x = targetPair(target)
      x.document = d
      x.sourceTokens = source
      x.sourceTokenRanges = source.map { _ in 0..<1 }
      return x
    }
    let pairs = (0..<4).map { p(Int32($0), [2, 1], [1, 2, 3, 4]) } + (4..<6).map { p(Int32($0), [2, 9], [1, 5]) }
    let wrong = [AlignmentLink(source: 0, target: 0), AlignmentLink(source: 1, target: 1), AlignmentLink(source: 0, target: 3)]
    let links = Array(repeating: wrong, count: 4) + Array(repeating: [AlignmentLink(source: 0, target: 0), AlignmentLink(source: 1, target: 1)], count: 2)
    let spotter = RenderingSpotter(
      pairs: pairs, links: links, isWord: [false, true, true, true, true, true], isBarredEdge: [false, false, false, true, false, false],
      index: TokenSequenceIndex(pairs: pairs, vocabularySize: 6, sourceVocabularySize: 10))
    let cand = PhraseCandidate(tokens: [1], occurrences: (0..<4).map { (Int32($0), 1) }, documents: [0, 1, 2, 3])
    var scratch = RenderingSpotter.Scratch(targetVocabularySize: 6)
    let (seen, linked) = spotter.spot(cand, scratch: &scratch)
    #expect(linked == 4)
    #expect(Set(seen.map(\.tokens)) == [[2], [4], [2, 3, 4]])
    let documents = (0..<6).map { d in
      PreparedDocument(id: "2020-01-0\(d + 1)-x", date: ISODate("2020-01-0\(d + 1)")!, source: TextDocument(text: "x"),
                       target: TextDocument(text: d < 4 ? "b c f m" : "b r"), beads: [])
    }
    var tv = TokenVocabulary()
    for w in ["b", "c", "f", "m", "r"] { _ = tv.intern(w, isWord: true) }
    let corpus = PreparedCorpus(sourceLanguage: try! Language("zh"), targetLanguage: try! Language("en"), documents: documents,
                                pairs: pairs, sourceVocabulary: TokenVocabulary(), targetVocabulary: tv)
    let chosen = Extractor().chooseRenderings(seen, for: cand, linked: linked, corpus: corpus, alignment: CorpusWordAlignment(links: links))
    #expect(chosen.map(\.target) == ["c f m"])  // "community for mankind": neither "community" alone nor "build ..."
  }

  @Test func aTruncatedRenderingIsNotProposed() {
    // Three occurrences of one source phrase rendered "community with a shared future" (ids 1 2 3 4 5, written c w a s f).
    let target: [Int32] = [1, 2, 3, 4, 5]
    let pairs = (0..<3).map { d -> AlignedPair in
      var p = targetPair(target)
      p.document = Int32(d)
      p.sourceTokens = [1]
      p.sourceTokenRanges = [0..<1]
      return p
    }
    let links = Array(repeating: [AlignmentLink(source: 0, target: 0), AlignmentLink(source: 0, target: 4)], count: 3)
    let spotter = RenderingSpotter(
      pairs: pairs, links: links, isWord: [false, true, true, true, true, true], isBarredEdge: [false, false, true, true, false, false],
      index: TokenSequenceIndex(pairs: pairs, vocabularySize: 6, sourceVocabularySize: 2))
    let cand = PhraseCandidate(tokens: [1], occurrences: [(0, 0), (1, 0), (2, 0)], documents: [0, 1, 2])
    var scratch = RenderingSpotter.Scratch(targetVocabularySize: 6)
    let (seen, linked) = spotter.spot(cand, scratch: &scratch)
    #expect(linked == 3)
    let documents = (0..<3).map { d in
      PreparedDocument(id: "2020-01-0\(d + 1)-x", date: ISODate("2020-01-0\(d + 1)")!, source: TextDocument(text: "x"),
                       target: TextDocument(text: "c w a s f"), beads: [])
    }
    var tv = TokenVocabulary()
    for w in ["c", "w", "a", "s", "f"] { _ = tv.intern(w, isWord: true) }
    let corpus = PreparedCorpus(sourceLanguage: try! Language("zh"), targetLanguage: try! Language("en"), documents: documents,
                                pairs: pairs, sourceVocabulary: TokenVocabulary(), targetVocabulary: tv)
    let chosen = Extractor().chooseRenderings(seen, for: cand, linked: linked, corpus: corpus, alignment: CorpusWordAlignment(links: links))
    #expect(chosen.map(\.target) == ["c w a s f"])  // "community with a shared future", not "shared future"
    #expect(chosen[0].documents == ["2020-01-01-x", "2020-01-02-x", "2020-01-03-x"])
  }

  @Test func aPartCoveredByTwoLongerRenderingsIsTruncated() {
    // 一带一路 rendered "one belt one road" (ids 1 2 1 3) in two documents, "belt and road" (2 4 3) in three:
    // "belt" and "road" alone stand in all five but are parts of the two renderings, which both stay.
    func p(_ d: Int32, _ target: [Int32]) -> AlignedPair {
      var x = targetPair(target)
      x.document = d
      x.sourceTokens = [1]
      x.sourceTokenRanges = [0..<1]
      return x
    }
    let pairs = [p(0, [1, 2, 1, 3]), p(1, [1, 2, 1, 3]), p(2, [2, 4, 3]), p(3, [2, 4, 3]), p(4, [2, 4, 3])]
    let links = pairs.map { q in q.targetTokens.indices.filter { q.targetTokens[$0] != 4 }.map { AlignmentLink(source: 0, target: $0) } }
    let isWord = [false, true, true, true, true], barred = [false, false, false, false, true]
    let spotter = RenderingSpotter(pairs: pairs, links: links, isWord: isWord, isBarredEdge: barred,
                                   index: TokenSequenceIndex(pairs: pairs, vocabularySize: 5, sourceVocabularySize: 2))
    let cand = PhraseCandidate(tokens: [1], occurrences: (0..<5).map { (Int32($0), 0) }, documents: [0, 1, 2, 3, 4])
    var scratch = RenderingSpotter.Scratch(targetVocabularySize: 5)
    let (seen, linked) = spotter.spot(cand, scratch: &scratch)
    let documents = (0..<5).map { d in
      PreparedDocument(id: "201\(d + 4)-01-01-x", date: ISODate("201\(d + 4)-01-01")!, source: TextDocument(text: "x"),
                       target: TextDocument(text: d < 2 ? "o b o r" : "b a r"), beads: [])
    }
    var tv = TokenVocabulary()
    for w in ["o", "b", "r", "a"] { _ = tv.intern(w, isWord: true) }
    let corpus = PreparedCorpus(sourceLanguage: try! Language("zh"), targetLanguage: try! Language("en"), documents: documents,
                                pairs: pairs, sourceVocabulary: TokenVocabulary(), targetVocabulary: tv)
    let chosen = Extractor().chooseRenderings(seen, for: cand, linked: linked, corpus: corpus, alignment: CorpusWordAlignment(links: links))
    #expect(Set(chosen.map(\.target)) == ["o b o r", "b a r"])
    #expect(chosen.first { $0.target == "o b o r" }?.documents == ["2014-01-01-x", "2015-01-01-x"])
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
