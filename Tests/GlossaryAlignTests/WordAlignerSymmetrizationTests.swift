import Testing

@testable import GlossaryAlign

private func links(_ s: String) -> [AlignmentLink] { Pharaoh.parse(Substring(s)) ?? [] }

@Suite struct WordAlignerSymmetrizationTests {
  // forward: target 1 from source 2 as well; reverse: source 1 to target 2 as well.
  let forward = links("0-0 1-1 2-2 2-1")
  let reverse = links("0-0 1-1 1-2")

  @Test func intersectAndUnion() {
    #expect(Symmetrization.intersect.apply(forward: forward, reverse: reverse, sourceLength: 3, targetLength: 3)
      == links("0-0 1-1"))
    #expect(Symmetrization.union.apply(forward: forward, reverse: reverse, sourceLength: 3, targetLength: 3)
      == links("0-0 1-1 1-2 2-1 2-2"))
  }

  @Test func growDiagAddsNeighboursOfUnalignedWordsOnly() {
    // (2,1) and (1,2) neighbour (1,1) and each brings an unaligned word; then (2,2) joins two aligned words.
    let expected = links("0-0 1-1 1-2 2-1")
    #expect(Symmetrization.growDiag.apply(forward: forward, reverse: reverse, sourceLength: 3, targetLength: 3) == expected)
    #expect(Symmetrization.growDiagFinalAnd.apply(forward: forward, reverse: reverse, sourceLength: 3, targetLength: 3)
      == expected)
  }

  @Test func finalAndLinksWordsUnalignedOnBothSides() {
    let f = links("0-0 3-3"), r = links("0-0")
    #expect(Symmetrization.growDiag.apply(forward: f, reverse: r, sourceLength: 4, targetLength: 4) == links("0-0"))
    #expect(Symmetrization.growDiagFinalAnd.apply(forward: f, reverse: r, sourceLength: 4, targetLength: 4)
      == links("0-0 3-3"))
    // Not when one side of the link is aligned already.
    let f2 = links("0-0 0-3"), r2 = links("0-0")
    #expect(Symmetrization.growDiagFinalAnd.apply(forward: f2, reverse: r2, sourceLength: 4, targetLength: 4)
      == links("0-0"))
  }

  @Test func namesRoundTrip() {
    for s in Symmetrization.allCases { #expect(Symmetrization(rawValue: s.rawValue) == s) }
    #expect(Symmetrization(rawValue: "grow-diag-final-and") == .growDiagFinalAnd)
  }
}
