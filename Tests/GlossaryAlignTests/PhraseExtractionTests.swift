import Testing

@testable import GlossaryAlign

private func links(_ s: String) -> [AlignmentLink] { Pharaoh.parse(Substring(s)) ?? [] }
private func pp(_ s: Range<Int>, _ t: Range<Int>) -> PhrasePair { PhrasePair(source: s, target: t) }

@Suite struct PhraseExtractionTests {
  // Source a b c, target x y z: a-x, b-z, c-y (b and c cross).
  let crossing = links("0-0 1-2 2-1")

  @Test func consistentPairsOnly() {
    let pairs = PhraseExtraction.phrasePairs(links: crossing, sourceLength: 3, targetLength: 3, maxLength: 3)
    // [0,2) -> targets {0, 2} spans y, which links to c outside: inconsistent.
    #expect(pairs == [pp(0..<1, 0..<1), pp(0..<3, 0..<3), pp(1..<2, 2..<3), pp(1..<3, 1..<3), pp(2..<3, 1..<2)])
  }

  @Test func unalignedTargetWordsExtendSpans() {
    let pairs = PhraseExtraction.phrasePairs(links: crossing, sourceLength: 3, targetLength: 4, maxLength: 4)
    #expect(Set(pairs) == Set([
      pp(0..<1, 0..<1), pp(0..<3, 0..<3), pp(0..<3, 0..<4), pp(1..<2, 2..<3), pp(1..<2, 2..<4),
      pp(1..<3, 1..<3), pp(1..<3, 1..<4), pp(2..<3, 1..<2),
    ]))
    let strict = PhraseExtraction.phrasePairs(links: crossing, sourceLength: 3, targetLength: 4, maxLength: 4,
                                              extendUnaligned: false)
    #expect(strict.count == 5)
  }

  @Test func maxLengthLimitsBothSides() {
    let pairs = PhraseExtraction.phrasePairs(links: crossing, sourceLength: 3, targetLength: 3, maxLength: 2)
    #expect(pairs == [pp(0..<1, 0..<1), pp(1..<2, 2..<3), pp(1..<3, 1..<3), pp(2..<3, 1..<2)])
  }

  @Test func lexicalWeightAveragesLinksAndUsesNullForUnaligned() {
    // Target 0 linked to sources 0 and 1; target 1 unaligned.
    let w = PhraseExtraction.lexicalWeight(pp(0..<2, 0..<2), links: links("0-0 1-0"),
                                           probability: { s, _ in s == 0 ? 0.8 : 0.4 }, nullProbability: { _ in 0.1 })
    #expect(abs(w - 0.6 * 0.1) < 1e-12)
  }

  @Test func phraseTableScoresBothDirections() {
    var corpus = WordAlignCorpus()
    for _ in 0..<4 { corpus.append(source: ["外交部", "发言人"], target: ["foreign", "ministry", "spokesperson"]) }
    corpus.append(source: ["外交部"], target: ["foreign", "ministry"])
    var options = WordAlignOptions()
    options.model1Iterations = 3
    options.hmmIterations = 3
    let aligner = WordAligner(corpus: corpus, options: options)
    aligner.train()
    var table = PhraseTable(maxLength: 3)
    let all = aligner.allLinks()
    for p in 0..<corpus.count { table.add(pair: p, of: aligner, links: all[p]) }
    let entries = table.entries()
    let v = corpus.sourceVocabulary
    let whole = entries.first { $0.source.count == 2 && $0.target.count == 3 }
    #expect(whole?.count == 4)
    #expect(whole.map { $0.forward > 0 && $0.forward <= 1 && $0.reverse > 0 && $0.reverse <= 1 } == true)
    #expect(whole.map { $0.lexicalForward > 0 && $0.lexicalReverse > 0 } == true)
    #expect(entries.allSatisfy { v.key($0.source[0]).isEmpty == false })
  }
}
