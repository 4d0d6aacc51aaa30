import Testing

@testable import GlossaryAlign

private func links(_ s: String) -> [AlignmentLink] { Pharaoh.parse(Substring(s)) ?? [] }
private func pp(_ s: Range<Int>, _ t: Range<Int>) -> PhrasePair { PhrasePair(source: s, target: t) }

@Suite struct PhraseExtractionTests {
  @Test func lexicalWeightAveragesLinksAndUsesNullForUnaligned() {
    // Target 0 linked to sources 0 and 1; target 1 unaligned.
    let w = PhraseExtraction.lexicalWeight(pp(0..<2, 0..<2), links: links("0-0 1-0"),
                                           probability: { s, _ in s == 0 ? 0.8 : 0.4 }, nullProbability: { _ in 0.1 })
    #expect(abs(w - 0.6 * 0.1) < 1e-12)
  }
}
