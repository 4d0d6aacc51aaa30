import GlossaryAlign
import GlossaryText

extension PreparedCorpus {
  /// The corpus held by an alignment store, as the miner takes it: every pair with both sides
  /// (and a bead score of at least `minimumBeadScore`), units with their flags (`UnitFlags`),
  /// and the word links of the store's current model spread over the units; plus that
  /// model's translation tables for lexical weights.
  ///
  /// Document texts are rebuilt from the pairs' display texts at their offsets (what lies
  /// between beads is never read by the miner).
  static func load(store: AlignmentStore, options: WordAlignOptions, minimumBeadScore: Double = 0) throws
    -> (corpus: PreparedCorpus, alignment: CorpusWordAlignment)
  {
    let source = try Language(store.sourceLanguage), target = try Language(store.targetLanguage)
    let vocabulary = try StoreVocabulary(db: store.db)
    // Corpus ids in the order of first occurrence (documents in date order), not the store's
    // (which follow the order documents were added): an updated store and a clean one give the
    // miner the same ids, hence the same results.
    var sv = TokenVocabulary(), tv = TokenVocabulary()
    var sourceIDs = [Int32](repeating: -1, count: vocabulary.source.count + 1)
    var targetIDs = [Int32](repeating: -1, count: vocabulary.target.count + 1)
    func sourceID(_ id: Int32) -> Int32 {
      if sourceIDs[Int(id)] < 0 { sourceIDs[Int(id)] = sv.intern(vocabulary.source.string(id), isWord: vocabulary.sourceIsWord[Int(id) - 1]) }
      return sourceIDs[Int(id)]
    }
    func targetID(_ id: Int32) -> Int32 {
      if targetIDs[Int(id)] < 0 { targetIDs[Int(id)] = tv.intern(vocabulary.target.string(id), isWord: vocabulary.targetIsWord[Int(id) - 1]) }
      return targetIDs[Int(id)]
    }
    let modelID = try store.meta("model")
    let model = try modelID.map { try store.loadModel(id: $0, options: options) }
    let sourceClasses = UnitFlags.Classifier(language: source.code), targetClasses = UnitFlags.Classifier(language: target.code)
    var sourceEdges = [(UnitFlags, UnitFlags)?](repeating: nil, count: vocabulary.source.count + 1)
    var targetEdges = [(UnitFlags, UnitFlags)?](repeating: nil, count: vocabulary.target.count + 1)
    func flags(_ t: StoredTokens, _ classes: UnitFlags.Classifier, _ strings: Interner<UInt16>, _ cache: inout [(UnitFlags, UnitFlags)?]) -> [UnitFlags] {
      var out: [UnitFlags] = []
      out.reserveCapacity(t.units.count)
      for u in t.units.indices {
        let w = Int(t.unitWord[u]), id = Int(t.words[w])
        if cache[id] == nil { cache[id] = classes.flags(ofWord: strings.string(Int32(id))) }
        let (first, last) = cache[id]!
        let isFirst = u == 0 || t.unitWord[u - 1] != t.unitWord[u]
        let isLast = u + 1 == t.units.count || t.unitWord[u + 1] != t.unitWord[u]
        out.append((isFirst ? first : []).union(isLast ? last : []))
      }
      return out
    }
    var documents: [PreparedDocument] = []
    var pairs: [AlignedPair] = []
    var links: [[AlignmentLink]] = []
    let texts = try store.db.prepare("SELECT source, target FROM pairs WHERE document = ? ORDER BY id")
    try store.forEachDocument(model: modelID) { doc in
      let index = Int32(documents.count)
      var sourceText: [UInt16] = [], targetText: [UInt16] = []
      var k = 0
      try texts.rows(.integer(doc.rowID)) { r in
        guard k < doc.pairs.count else { return }
        place(r.text(0), at: doc.pairs[k].sourceRange.lowerBound, in: &sourceText)
        place(r.text(1), at: doc.pairs[k].targetRange.lowerBound, in: &targetText)
        k += 1
      }
      documents.append(PreparedDocument(
        id: doc.name, date: doc.date, source: TextDocument(text: String(decoding: sourceText, as: UTF16.self)),
        target: TextDocument(text: String(decoding: targetText, as: UTF16.self)), beads: []))
      for p in doc.pairs where p.isAligned && p.score >= minimumBeadScore {
        let sb = Int32(p.sourceRange.lowerBound), tb = Int32(p.targetRange.lowerBound)
        let pair = AlignedPair(
          document: index, sourceRange: p.sourceRange, targetRange: p.targetRange, sourceTokens: p.source.units.map(sourceID),
          targetTokens: p.target.units.map(targetID), sourceTokenRanges: p.source.unitRanges.map { ($0.lowerBound + sb)..<($0.upperBound + sb) },
          targetTokenRanges: p.target.unitRanges.map { ($0.lowerBound + tb)..<($0.upperBound + tb) }, score: p.score,
          sourceFlags: flags(p.source, sourceClasses, vocabulary.source, &sourceEdges),
          targetFlags: flags(p.target, targetClasses, vocabulary.target, &targetEdges),
          sourceWords: p.source.words.map(sourceID), targetWords: p.target.words.map(targetID), sourceUnitWord: p.source.unitWord, targetUnitWord: p.target.unitWord)
        links.append(unitLinks(p.links, pair))
        pairs.append(pair)
      }
    }
    let corpus = PreparedCorpus(
      sourceLanguage: source, targetLanguage: target, documents: documents, pairs: pairs, sourceVocabulary: sv, targetVocabulary: tv)
    guard let model else { return (corpus, CorpusWordAlignment(links: links)) }
    let sourceMap = sv.strings.map { model.sourceVocabulary.existingID($0) ?? -1 }
    let targetMap = tv.strings.map { model.targetVocabulary.existingID($0) ?? -1 }
    let alignment = CorpusWordAlignment(
      links: links,
      forward: { s, t in model.forwardProbability(source: sourceMap[Int(s)], target: targetMap[Int(t)]) },
      forwardNull: { t in model.forwardNullProbability(target: targetMap[Int(t)]) },
      reverse: { s, t in model.reverseProbability(source: sourceMap[Int(s)], target: targetMap[Int(t)]) },
      reverseNull: { s in model.reverseNullProbability(source: sourceMap[Int(s)]) })
    return (corpus, alignment)
  }

  /// Writes `text` at UTF-16 offset `at` of `buffer`, padding with newlines.
  private static func place(_ text: String, at: Int, in buffer: inout [UInt16]) {
    let units = Array(text.utf16)
    if buffer.count < at + units.count { buffer += [UInt16](repeating: 0x0A, count: at + units.count - buffer.count) }
    buffer.replaceSubrange(at..<(at + units.count), with: units)
  }
}
