import Foundation
import GlossaryAlign
import GlossaryText

/// How the store's word model scales: EM holds every cell (source word x
/// target word) of every pair it trains on, so it is trained on a bounded
/// sample and frozen; every pair is then aligned by the frozen model.
public struct WordModelPolicy: Sendable {
  /// Most sentence pairs the model is trained on. Documents are taken in the order of their
  /// content hashes (a spread over years and collections) until the sample is full. Set from
  /// memory and time on generated corpora (`glossary-bench extract`), not from alignment quality:
  /// 20,000 pairs cost about 150 MB and 20 s of training on 2 cores; denero-dev (2,361 pairs) and
  /// Corpus/ (about 1,000 pairs) are far below it and train on everything, as before.
  public var samplePairs = 20_000
  /// A model trained on a capped sample is kept until the corpus has this many times the pairs
  /// it had then (documents added meanwhile are aligned by the frozen model); a model trained on
  /// the whole corpus is retrained whenever the corpus changes.
  public var growthBeforeRetraining = 2.0
  public var options = WordAlignOptions()
  public var symmetrization = Symmetrization.growDiagFinalAnd

  public init() {}
}

/// Trains, keeps and applies the store's word model (`WordModelPolicy`).
struct WordModelTrainer {
  var policy: WordModelPolicy
  var lexicon: Lexicon?
  var lexiconHash: String?
  var acceptedPairs: [(source: String, target: String)]
  var progress: (@Sendable (String) -> Void)?

  /// Identifies what the priors and options come from (not the corpus).
  func priorsKey() -> String {
    var parts = ["lexicon=\(lexiconHash ?? "none")", "options=\(policy.options)", "symmetrization=\(policy.symmetrization.rawValue)"]
    parts += acceptedPairs.map { "\($0.source)\t\($0.target)" }.sorted()
    return StoreFile.hex(LookupKeys.hash(parts.joined(separator: "\n")))
  }

  func priors(normalizer: MatchKeyNormalizer) -> [LexicalPrior] {
    var out: [LexicalPrior] = []
    if let lexicon { out += WordAlignPriors.pairs(from: lexicon) }
    out += WordAlignPriors.pairs(fromTerms: acceptedPairs, normalizer: normalizer)
    return out
  }

  /// The model to align with: the stored one when the policy keeps it, else a new one trained
  /// on the current sample (nil when the store has no sentence pairs).
  func currentModel(store: AlignmentStore, vocabulary: StoreVocabulary, trained: inout Bool) throws -> (id: String, model: WordAlignModel)? {
    let corpusPairs = try store.counts().pairs
    guard corpusPairs > 0 else { return nil }
    var sample: [Int64] = [], hashes: [String] = [], pairs = 0
    // pair_count includes 1-0 and 0-1 beads: close enough for a size limit.
    try store.db.prepare("SELECT id, pair_count, source_hash || target_hash FROM documents ORDER BY 3, id").rows { r in
      guard pairs < policy.samplePairs else { return }
      sample.append(r.int64(0))
      hashes.append(r.text(2))
      pairs += r.int(1)
    }
    let full = corpusPairs > pairs
    let priorsID = priorsKey()
    let id = StoreFile.hex(LookupKeys.hash(([priorsID] + hashes).joined(separator: "\n")))
    if let info = try store.currentModelInfo() {
      let frozen = info.priors == priorsID && info.fullSample
        && Double(corpusPairs) < policy.growthBeforeRetraining * Double(info.corpusPairs)
      if info.id == id || frozen { return (info.id, try store.loadModel(id: info.id, options: policy.options)) }
    }
    progress?("training the word model on \(pairs) sentence pairs")
    var data = WordAlignCorpus()
    var sourceMap = [Int32](repeating: -1, count: vocabulary.source.count + 1)
    var targetMap = [Int32](repeating: -1, count: vocabulary.target.count + 1)
    try store.forEachDocument(where: "id IN (\(sample.map(String.init).joined(separator: ",")))", model: nil) { doc in
      for p in doc.pairs where p.isAligned {
        data.append(
          sourceIDs: p.source.words.map { id in
            if sourceMap[Int(id)] < 0 { sourceMap[Int(id)] = data.sourceVocabulary.id(vocabulary.source[id]) }
            return sourceMap[Int(id)]
          },
          targetIDs: p.target.words.map { id in
            if targetMap[Int(id)] < 0 { targetMap[Int(id)] = data.targetVocabulary.id(vocabulary.target[id]) }
            return targetMap[Int(id)]
          })
      }
    }
    let normalizer = try MatchKeyNormalizer()
    let priorPairs = priors(normalizer: normalizer)
    let aligner = WordAligner(corpus: data, options: policy.options, priors: priorPairs)
    aligner.train()
    let model = aligner.frozen(priors: priorPairs)
    try store.saveModel(model, info: StoredModelInfo(id: id, priors: priorsID, samplePairs: pairs, fullSample: full, corpusPairs: corpusPairs))
    trained = true
    return (id, model)
  }

  /// Word-aligns, in batches, every document whose links do not come from `model`.
  /// - Returns: the number of documents aligned.
  func link(store: AlignmentStore, vocabulary: StoreVocabulary, model: (id: String, model: WordAlignModel)?) throws -> Int {
    guard let (id, m) = model else { return 0 }
    var rows: [Int64] = []
    try store.db.prepare("SELECT id FROM documents WHERE model IS NULL OR model != ? ORDER BY id").rows(.text(id)) { r in
      rows.append(r.int64(0))
    }
    guard !rows.isEmpty else { return 0 }
    let sourceMap = (0...vocabulary.source.count).map { $0 == 0 ? -1 : m.sourceVocabulary.existingID(vocabulary.source[Int32($0)]) ?? -1 }
    let targetMap = (0...vocabulary.target.count).map { $0 == 0 ? -1 : m.targetVocabulary.existingID(vocabulary.target[Int32($0)]) ?? -1 }
    let symmetrization = policy.symmetrization
    var done = 0
    for start in stride(from: 0, to: rows.count, by: 1000) {
      let batch = rows[start..<min(rows.count, start + 1000)]
      var docs: [StoredDocument] = []
      try store.forEachDocument(where: "id IN (\(batch.map(String.init).joined(separator: ",")))", model: nil) { docs.append($0) }
      let links = Parallel.map(docs.count, state: { Scratch() }) { scratch, i -> (rowID: Int64, links: [[AlignmentLink]]) in
        (docs[i].rowID, docs[i].pairs.map { p in
          !p.isAligned ? [] : m.links(source: p.source.words.map { sourceMap[Int($0)] }, target: p.target.words.map { targetMap[Int($0)] },
                  symmetrization: symmetrization, scratch: scratch)
        })
      }
      try store.writeLinks(links, model: id)
      done += docs.count
      progress?("aligned words of \(done)/\(rows.count) documents")
    }
    return done
  }
}
