import Foundation

/// A trained word-alignment model, frozen: the translation tables, null and
/// jump distributions of a `WordAligner`, able to align sentence pairs it was
/// not trained on. This is how alignment scales past what EM can hold in
/// memory: train on a bounded sample of the corpus, freeze, align every pair
/// (in parallel, one pair at a time, nothing kept per pair).
///
/// A word pair the training never saw together gets `unseenProbability`; a
/// pair with identical keys on both sides (numbers, Latin names) or a prior
/// pair (lexicon, glossary) that the sample did not contain gets
/// `priorProbability`, as training would have given it a pseudo-count. Words
/// unknown to the model have the smallest null probability of their side.
///
/// ```swift
/// let aligner = WordAligner(corpus: sample, priors: priors); aligner.train()
/// let model = aligner.frozen(priors: priors)
/// let scratch = Scratch()
/// let links = model.links(source: model.sourceIDs(["我们", "支持"]), target: model.targetIDs(["we", "support"]), scratch: scratch)
/// ```
/// Thread-safe for `links` (one `Scratch` per thread).
public final class WordAlignModel: @unchecked Sendable {
  public let options: WordAlignOptions
  /// Model ids <-> match keys (ids from 0).
  public let sourceVocabulary: WordVocabulary
  public let targetVocabulary: WordVocabulary
  let table: PairTable
  /// Per table entry: t(target | source) and t(source | target).
  let forward: [Float]
  let reverse: [Float]
  /// Per table entry: the (source, target) ids (for `entries`).
  let entrySource: [Int32]
  let entryTarget: [Int32]
  public let forwardNull: [Double]
  public let reverseNull: [Double]
  public let forwardJump: [Double]
  public let reverseJump: [Double]
  /// Per source id: the target id with the same key, or -1.
  let identical: [Int32]
  let unknownForwardNull: Double
  let unknownReverseNull: Double

  /// Translation probability of a pair never seen together in training (either direction).
  /// Small against trained pairs (which EM leaves above ~1e-4 when they matter), large enough
  /// that a sentence of unknown words still has a defined posterior.
  public static let unseenProbability = 1e-7
  /// Translation probability of an identical-key or prior pair the sample did not contain: what
  /// a pseudo-count of 1-2 (WordAlignOptions.identicalWeight, priorWeight) against a few dozen
  /// observations gives in training.
  public static let priorProbability = 0.05

  /// A model from its parts (`entries` as (source id, target id, t(f|e), t(e|f))).
  public init(
    options: WordAlignOptions, sourceKeys: [String], targetKeys: [String],
    entries: [(source: Int32, target: Int32, forward: Float, reverse: Float)],
    forwardNull: [Double], reverseNull: [Double], forwardJump: [Double], reverseJump: [Double]
  ) {
    self.options = options
    let sv = WordVocabulary(), tv = WordVocabulary()
    for k in sourceKeys { _ = sv.id(k) }
    for k in targetKeys { _ = tv.id(k) }
    sourceVocabulary = sv
    targetVocabulary = tv
    var table = PairTable()
    var f: [Float] = [], r: [Float] = [], es: [Int32] = [], et: [Int32] = []
    f.reserveCapacity(entries.count); r.reserveCapacity(entries.count)
    for e in entries {
      let id = table.insert(e.source, e.target, next: Int32(f.count))
      if id == Int32(f.count) {
        f.append(e.forward); r.append(e.reverse); es.append(e.source); et.append(e.target)
      }
    }
    self.table = table
    forward = f
    reverse = r
    entrySource = es
    entryTarget = et
    self.forwardNull = forwardNull + [Double](repeating: forwardNull.min() ?? 1e-9, count: max(0, targetKeys.count - forwardNull.count))
    self.reverseNull = reverseNull + [Double](repeating: reverseNull.min() ?? 1e-9, count: max(0, sourceKeys.count - reverseNull.count))
    self.forwardJump = forwardJump
    self.reverseJump = reverseJump
    unknownForwardNull = forwardNull.min() ?? 1e-9
    unknownReverseNull = reverseNull.min() ?? 1e-9
    identical = (0..<sourceKeys.count).map { tv.existingID(sourceKeys[$0]) ?? -1 }
  }

  /// Every table entry: (source id, target id, t(f|e), t(e|f)).
  public var entries: [(source: Int32, target: Int32, forward: Float, reverse: Float)] {
    (0..<forward.count).map { (entrySource[$0], entryTarget[$0], forward[$0], reverse[$0]) }
  }

  public var sourceKeys: [String] { (0..<Int32(sourceVocabulary.count)).map { sourceVocabulary.key($0) } }
  public var targetKeys: [String] { (0..<Int32(targetVocabulary.count)).map { targetVocabulary.key($0) } }

  /// Model ids of keys (-1 for keys the model does not know).
  public func sourceIDs(_ keys: [String]) -> [Int32] { keys.map { sourceVocabulary.existingID($0) ?? -1 } }
  public func targetIDs(_ keys: [String]) -> [Int32] { keys.map { targetVocabulary.existingID($0) ?? -1 } }

  /// t(target | source) by model ids, with the rules for unseen pairs.
  public func forwardProbability(source e: Int32, target f: Int32) -> Double { probability(e, f).forward }
  /// t(source | target) by model ids.
  public func reverseProbability(source e: Int32, target f: Int32) -> Double { probability(e, f).reverse }
  public func forwardNullProbability(target f: Int32) -> Double { f >= 0 ? forwardNull[Int(f)] : unknownForwardNull }
  public func reverseNullProbability(source e: Int32) -> Double { e >= 0 ? reverseNull[Int(e)] : unknownReverseNull }

  @inline(__always) func probability(_ e: Int32, _ f: Int32) -> (forward: Double, reverse: Double) {
    if e >= 0, f >= 0 {
      if let id = table[e, f] { return (Double(forward[Int(id)]), Double(reverse[Int(id)])) }
      if identical[Int(e)] == f { return (Self.priorProbability, Self.priorProbability) }
    }
    return (Self.unseenProbability, Self.unseenProbability)
  }

  /// Symmetrized links of one sentence pair given as model ids (-1: unknown word).
  public func links(source: [Int32], target: [Int32], symmetrization: Symmetrization = .growDiagFinalAnd, scratch s: Scratch)
    -> [AlignmentLink]
  {
    let I = source.count, J = target.count
    guard I > 0, J > 0 else { return [] }
    let emF = s.emF.ensure(I * J), emR = s.emR.ensure(I * J)
    let nullF = s.nullF.ensure(J), nullR = s.nullR.ensure(I)
    for i in 0..<I {
      for j in 0..<J {
        let p = probability(source[i], target[j])
        emF[j * I + i] = p.forward
        emR[i * J + j] = p.reverse
      }
    }
    for j in 0..<J { nullF[j] = forwardNullProbability(target: target[j]) }
    for i in 0..<I { nullR[i] = reverseNullProbability(source: source[i]) }
    directionalPosteriors(
      I: I, J: J, scratch: s, options: options, useHMM: options.hmmIterations > 0, forwardJump: forwardJump,
      reverseJump: reverseJump, forwardJumpCounts: nil, reverseJumpCounts: nil)
    let d = decodePosteriors(I: I, J: J, scratch: s, options: options)
    return symmetrization.apply(forward: d.forward, reverse: d.reverse, sourceLength: I, targetLength: J)
  }
}

extension WordAligner {
  /// The trained model, frozen. Table entries below `minProbability` in both directions are
  /// dropped (they would decode as unseen pairs anyway); `priors` whose words the training
  /// corpus did not pair are added at `WordAlignModel.priorProbability`, their words to the
  /// vocabularies.
  public func frozen(priors: [LexicalPrior] = [], minProbability: Double = 1e-4) -> WordAlignModel {
    var sourceKeys = (0..<Int32(corpus.sourceVocabulary.count)).map { corpus.sourceVocabulary.key($0) }
    var targetKeys = (0..<Int32(corpus.targetVocabulary.count)).map { corpus.targetVocabulary.key($0) }
    var entries: [(source: Int32, target: Int32, forward: Float, reverse: Float)] = []
    for id in 0..<pairSource.count where forwardTable[id] >= minProbability || reverseTable[id] >= minProbability {
      entries.append((pairSource[id], pairTarget[id], Float(forwardTable[id]), Float(reverseTable[id])))
    }
    var sourceIndex: [String: Int32] = [:], targetIndex: [String: Int32] = [:]
    for (i, k) in sourceKeys.enumerated() { sourceIndex[k] = Int32(i) }
    for (i, k) in targetKeys.enumerated() { targetIndex[k] = Int32(i) }
    let p = Float(WordAlignModel.priorProbability)
    for prior in priors {
      let e = sourceIndex[prior.source] ?? { sourceKeys.append(prior.source); sourceIndex[prior.source] = Int32(sourceKeys.count - 1); return Int32(sourceKeys.count - 1) }()
      let f = targetIndex[prior.target] ?? { targetKeys.append(prior.target); targetIndex[prior.target] = Int32(targetKeys.count - 1); return Int32(targetKeys.count - 1) }()
      if pairTable[e, f] == nil { entries.append((e, f, p, p)) }
    }
    return WordAlignModel(
      options: options, sourceKeys: sourceKeys, targetKeys: targetKeys, entries: entries,
      forwardNull: forwardNull, reverseNull: reverseNull, forwardJump: forwardJump, reverseJump: reverseJump)
  }
}
