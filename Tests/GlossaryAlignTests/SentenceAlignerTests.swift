import GlossaryText
import Testing

@testable import GlossaryAlign

/// Small hand-written zh-en fixtures: 1-1, 1-2, 2-1, 1-0, numbers, names.
struct SentenceAlignerTests {
  static let lexicon: TranslationLexicon = {
    let pairs: [(source: String, target: String)] = [
      ("朋友", "friend"), ("经济", "economic"), ("合作", "cooperation"), ("河", "river"), ("山", "mountain"),
      ("下雨", "rained"),
    ]
    return TranslationLexicon(lexicon: nil, termPairs: pairs, normalizer: try! MatchKeyNormalizer())
  }()

  func aligner(lexicon: TranslationLexicon? = lexicon) throws -> SentenceAligner {
    try SentenceAligner(sourceLanguage: Language("zh"), targetLanguage: Language("en"), lexicon: lexicon)
  }

  let zh = [
    "我的朋友住在河边。",
    "2020年3月，两国经济合作取得了很大进展，双方同意继续加强合作。",
    "陈清扬上山了。",
    "这句话没有翻译。",
    "天下雨了。",
    "他说。",
  ]
  let en = [
    "My friend lives by the river.",
    "In March 2020, the economic cooperation between the two countries made great progress.",
    "Both sides agreed to keep strengthening cooperation.",
    "Chen Qingyang went up the mountain.",
    "It rained, he said.",
  ]

  @Test func alignsOneToTwoSkipAndTwoToOne() throws {
    let beads = try aligner().align(source: zh, target: en).beads
    let links = beads.map { (Array($0.source), Array($0.target)) }
    #expect(links.contains { $0 == ([0], [0]) })
    #expect(links.contains { $0 == ([1], [1, 2]) })
    // The name (pinyin key) ties 陈清扬 to Chen Qingyang; the untranslated line may merge with a neighbour.
    #expect(links.contains { $0.0.contains(2) && $0.1 == [3] })
    #expect(links.contains { $0 == ([4, 5], [4]) } || links.contains { $0 == ([3, 4, 5], [4]) })
    // Every sentence exactly once, in order.
    #expect(beads.flatMap { Array($0.source) } == Array(0..<zh.count))
    #expect(beads.flatMap { Array($0.target) } == Array(0..<en.count))
  }

  @Test func vecalignLineFormat() {
    #expect(Bead(source: 0..<2, target: 3..<4, score: 0.8125).vecalignLine == "[0, 1]:[3]:0.813")
    #expect(Bead(source: 5..<6, target: 0..<0, score: 0).vecalignLine == "[5]:[]:0.000")
  }

  @Test func emptySideWarnsAndLeavesSentencesUnaligned() throws {
    let result = try aligner().align(source: zh, target: [])
    #expect(result.beads.count == zh.count)
    #expect(result.beads.allSatisfy { $0.target.isEmpty && $0.isLowConfidence })
    #expect(!result.warnings.isEmpty)
    #expect(try aligner().align(source: [], target: []).beads.isEmpty)
  }

  @Test func lopsidedInputWarns() throws {
    let result = try aligner().align(source: Array(zh.prefix(2)), target: Array(repeating: en[0], count: 20))
    #expect(result.warnings.contains { $0.contains("times as many") })
    #expect(result.beads.flatMap { Array($0.target) } == Array(0..<20))
  }

  @Test func sameLanguageWarns() throws {
    let a = try SentenceAligner(sourceLanguage: Language("en"), targetLanguage: Language("en"))
    let result = try a.align(source: en, target: en)
    #expect(result.warnings.contains { $0.contains("both") })
    #expect(result.beads.allSatisfy { $0.source == $0.target })
  }

  @Test func lengthOnlyAndNoLexiconStillCoverEverything() throws {
    var config = SentenceAlignerConfig()
    config.lengthOnly = true
    let gc = try SentenceAligner(sourceLanguage: Language("zh"), targetLanguage: Language("en"), config: config)
    let beads = try gc.align(source: zh, target: en).beads
    #expect(beads.flatMap { Array($0.source) } == Array(0..<zh.count))
    let plain = try aligner(lexicon: nil).align(source: zh, target: en).beads
    #expect(plain.flatMap { Array($0.target) } == Array(0..<en.count))
  }

  @Test func paragraphCountMismatchThrows() throws {
    #expect(throws: SentenceAlignError.self) {
      try aligner().align(source: zh, target: en, sourceParagraphs: [0])
    }
  }

  @Test func glossCleaning() {
    #expect(Gloss.contentWords("to cooperate") == ["cooperate"])
    #expect(Gloss.contentWords("CL:個|个[ge4]").isEmpty)
    #expect(Gloss.contentWords("surname He").isEmpty)
    #expect(Gloss.contentWords("variant of 河[he2]").isEmpty)
    #expect(Gloss.contentWords("friend (esp. old)") == ["friend"])
    #expect(Self.lexicon.translations(ofSourceKey: "河") == ["river"])
  }
}

/// Lexicon headwords inside a sentence that its tokens hide still cover target words.
struct SentenceAlignerSubstringTests {
  @Test func overlappingHeadwordsCoverTargetWords() throws {
    let lexicon = TranslationLexicon(
      lexicon: nil, termPairs: [("花轿", "sedan"), ("轿帘", "curtain")], normalizer: try MatchKeyNormalizer())
    func extra(_ minLength: Int) throws -> [String] {
      let x = try FeatureExtractor(
        source: Language("zh"), target: Language("en"), lexicon: lexicon, stemLength: 5, substringMatches: minLength)
      let f = try x.extract(source: ["花轿帘子"], target: ["The sedan curtain."])
      // Target ids reachable from the extra (non-token) source units of sentence 0.
      return f.srcExtra.flatMap { s in f.cand[Int(f.candStart[Int(s)])..<Int(f.candStart[Int(s) + 1])] }.map { "\($0)" }
    }
    #expect(try extra(0).isEmpty)
    #expect(try extra(2).count == 1)  // 轿帘 -> curta(in); 花轿 is a token already
  }
}
