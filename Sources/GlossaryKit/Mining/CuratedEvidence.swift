/// Evidence for the curated rows of a glossary (preferred, admitted,
/// superseded, deprecated), found the way `glossary check` finds terms: the
/// source term in a source sentence (longest match on match keys) and a
/// rendering in the aligned target sentence (word keys tolerant of case,
/// plural, articles and line breaks). This does not depend on word alignment,
/// so the history of an official rendering ("One Belt, One Road" until 2015,
/// "the Belt and Road Initiative" after) is counted wherever it was used.
enum CuratedEvidence {
  /// Occurrences per glossary row index: (pair index) in corpus order.
  ///
  /// Unlike a check, nested terms count for themselves too: 人类命运共同体
  /// inside 构建人类命运共同体 is evidence for both concepts' renderings, and
  /// each concept's renderings are told apart on their own (longest first).
  static func collect(for glossary: Glossary, in corpus: PreparedCorpus) throws -> [Int: [Int32]] {
    let index = try CheckIndex(glossaries: [glossary], source: corpus.sourceLanguage, target: corpus.targetLanguage)
    var rowOf: [String: Int] = [:]
    for (i, e) in glossary.entries.enumerated() { rowOf[e.source + "\t" + e.target] = i }
    var found: [Int: [Int32]] = [:]
    for (p, pair) in corpus.pairs.enumerated() {
      let doc = corpus.documents[Int(pair.document)]
      let concepts = doc.source.utf16[pair.sourceRange].withUnsafeBufferPointer { index.allSourceConcepts(in: $0) }
      guard !concepts.isEmpty else { continue }
      let words = doc.target.utf16[pair.targetRange].withUnsafeBufferPointer { index.targetWords($0) }
      for c in concepts.sorted() {
        var hits: [CheckIndex.RenderingHit] = []
        index.occurrences(of: [c], in: words, into: &hits)
        var seen = Set<Int>()
        for h in CheckIndex.resolve(hits, index: index) {
          let e = index.concepts[h.concept].renderings[h.rendering].entry
          guard let row = rowOf[e.source + "\t" + e.target], seen.insert(row).inserted else { continue }
          found[row, default: []].append(Int32(p))
        }
      }
    }
    return found
  }
}

extension Glossary {
  /// Recomputes the evidence (occurrences, seen_in, examples) of every curated
  /// row from a prepared corpus; rows not seen get empty evidence. Statuses,
  /// renderings, notes and scores are not touched.
  /// - Returns: the number of rows whose evidence changed.
  @discardableResult
  public mutating func refreshCuratedEvidence(from corpus: PreparedCorpus) throws -> Int {
    let found = try CuratedEvidence.collect(for: self, in: corpus)
    // Pairs of one rendering with several source synonyms pool their occurrences.
    var pooled: [String: (concept: String, target: String, pairs: Set<Int32>)] = [:]
    var order: [String] = []
    for (i, e) in entries.enumerated() where e.status.isCurated {
      let key = e.conceptID + "\u{0}" + e.target
      if pooled[key] == nil {
        pooled[key] = (e.conceptID, e.target, [])
        order.append(key)
      }
      pooled[key]!.pairs.formUnion(found[i] ?? [])
    }
    var changed = 0
    let targetLanguage = self.targetLanguage
    for key in order {
      let p = pooled[key]!
      let pairs = Array(p.pairs)
      let did = (try? modifyConcept(id: p.concept) { c -> Bool in
        guard let i = c.termIndex(language: targetLanguage, text: p.target) else { return false }
        let before = c.terms[i]
        c.terms[i].occurrences = pairs.isEmpty ? nil : pairs.count
        c.terms[i].seenIn = corpus.documentIds(of: pairs)
        c.terms[i].examples = corpus.examples(at: pairs)
        return c.terms[i] != before
      }) ?? false
      if did { changed += 1 }
    }
    return changed
  }
}

extension PreparedCorpus {
  /// Distinct document ids of pairs, in date order.
  func documentIds(of pairs: [Int32]) -> [String] {
    var ids: [String] = []
    for p in sortedByDate(pairs) {
      let id = documents[Int(self.pairs[Int(p)].document)].id
      if ids.last != id { ids.append(id) }
    }
    return ids
  }

  /// Pairs in date order (ties: document id, then position).
  func sortedByDate(_ pairs: [Int32]) -> [Int32] {
    pairs.sorted { a, b in
      let da = documents[Int(self.pairs[Int(a)].document)], db = documents[Int(self.pairs[Int(b)].document)]
      return (da.date, da.id, a) < (db.date, db.id, b)
    }
  }

  /// Two or three examples: the first seen, one from another document between, and the last seen.
  func examples(at pairs: [Int32]) -> [TermExample] {
    let ordered = sortedByDate(pairs)
    guard let first = ordered.first, let last = ordered.last else { return [] }
    var picks = [first]
    let firstDoc = self.pairs[Int(first)].document, lastDoc = self.pairs[Int(last)].document
    if let mid = ordered.dropFirst().dropLast().first(where: {
      let d = self.pairs[Int($0)].document
      return d != firstDoc && d != lastDoc
    }) { picks.append(mid) }
    if last != first { picks.append(last) }
    return picks.map { p in
      let pair = self.pairs[Int(p)]
      let doc = documents[Int(pair.document)]
      return TermExample(document: doc.id, source: OneLine.flatten(doc.source.string(pair.sourceRange)), target: OneLine.flatten(doc.target.string(pair.targetRange)))
    }
  }

}
