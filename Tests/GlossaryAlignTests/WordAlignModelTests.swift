import Foundation
import GlossaryText
import Testing

@testable import GlossaryAlign

@Suite struct WordAlignModelTests {
  @Test func frozenModelReproducesTheTrainersLinks() {
    let aligner = WordAligner(corpus: toyCorpus(), options: toyOptions())
    aligner.train()
    let model = aligner.frozen(minProbability: 0)
    let scratch = Scratch()
    let c = aligner.corpus
    for p in 0..<c.count {
      let source = model.sourceIDs(c.source(p).map { c.sourceVocabulary.key($0) })
      let target = model.targetIDs(c.target(p).map { c.targetVocabulary.key($0) })
      #expect(model.links(source: source, target: target, scratch: scratch) == aligner.links(pair: p))
    }
  }

  @Test func frozenModelAlignsSentencesItWasNotTrainedOn() {
    let aligner = WordAligner(corpus: toyCorpus(), options: toyOptions())
    aligner.train()
    let model = aligner.frozen()
    // A new order of known words, an unknown word (巴西 / brazil) and an identical token (G20).
    let s = model.sourceIDs(["合作", "中国", "巴西", "G20"]), t = model.targetIDs(["cooperation", "china", "brazil", "G20"])
    #expect(s[2] == -1 && t[2] == -1)
    let links = Set(model.links(source: s, target: t, scratch: Scratch()))
    #expect(links.contains(AlignmentLink(source: 0, target: 0)))
    #expect(links.contains(AlignmentLink(source: 1, target: 1)))
    #expect(model.forwardProbability(source: s[1], target: t[1]) > 0.5)
    #expect(model.forwardProbability(source: s[1], target: t[2]) == WordAlignModel.unseenProbability)
  }

  @Test func priorsTheSampleLackedJoinTheFrozenModel() {
    let aligner = WordAligner(corpus: toyCorpus(), options: toyOptions())
    aligner.train()
    let model = aligner.frozen(priors: [LexicalPrior(source: "巴西", target: "brazil")])
    let e = model.sourceVocabulary.existingID("巴西")!, f = model.targetVocabulary.existingID("brazil")!
    #expect(model.forwardProbability(source: e, target: f) == Double(Float(WordAlignModel.priorProbability)))
    #expect(model.forwardNull.count == model.targetVocabulary.count)
  }
}
