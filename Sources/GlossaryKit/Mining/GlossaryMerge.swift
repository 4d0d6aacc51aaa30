extension Glossary {
  /// Merges mined terms into the glossary as `candidate` rows.
  ///
  /// Rows that already exist (same source and rendering up to case, plural,
  /// leading article, Traditional/Simplified and width) keep their status,
  /// target, note and dates. Candidate and rejected rows get the mined
  /// evidence (score, occurrences, seen_in, examples); curated rows are left
  /// alone here (`refreshCuratedEvidence` counts them by term matching).
  /// Rejected rows are never proposed again. A new rendering of a curated
  /// concept is proposed only when it is frequent and not a piece of a
  /// curated rendering.
  /// - Returns: counts of new, updated and unchanged rows.
  public mutating func merge(
    _ terms: [MinedTerm], keys: LookupKeys, variantShare: Double = 0.1, curatedVariantShare: Double = 0.25
  ) -> (new: Int, updated: Int, unchanged: Int) {
    var conceptByKey: [[UInt8]: String] = [:]
    var rowByKey: [[UInt8]: [[UInt8]: (concept: String, target: String, curated: Bool)]] = [:]
    var curated = Set<[UInt8]>()
    var curatedTargets: [[UInt8]: [[UInt8]]] = [:]
    for e in entries {
      let sk = keys.key(e.source, language: sourceLanguage)
      if conceptByKey[sk] == nil { conceptByKey[sk] = e.conceptID }
      let tk = keys.key(e.target, language: targetLanguage)
      rowByKey[sk, default: [:]][tk] = (e.conceptID, e.target, e.status.isCurated)
      if e.status.isCurated {
        curated.insert(sk)
        curatedTargets[sk, default: []].append(tk)
      }
    }
    var new = 0, updated = 0, unchanged = 0
    let targetLanguage = self.targetLanguage, sourceLanguage = self.sourceLanguage
    for term in terms {
      let sk = keys.key(term.source, language: sourceLanguage)
      for (rank, r) in term.renderings.enumerated() {
        let tk = keys.key(r.target, language: targetLanguage)
        if let row = rowByKey[sk]?[tk] {
          if row.curated {
            unchanged += 1
            continue
          }
          let changed = (try? modifyConcept(id: row.concept) { c -> Bool in
            guard let i = c.termIndex(language: targetLanguage, text: row.target) else { return false }
            let before = c.terms[i]
            c.terms[i].score = r.score
            c.terms[i].occurrences = r.occurrences
            c.terms[i].seenIn = r.documents
            c.terms[i].examples = r.examples
            return c.terms[i] != before
          }) ?? false
          if changed { updated += 1 } else { unchanged += 1 }
          continue
        }
        let minimumShare = curated.contains(sk) ? curatedVariantShare : (rank == 0 ? 0 : variantShare)
        guard r.share >= minimumShare, !(curated.contains(sk) && r.occurrences < 2) else { continue }
        // A piece of a curated rendering ("purposes" of "the purposes and principles of the UN Charter") is no new rendering.
        if let known = curatedTargets[sk], known.contains(where: { Self.containsWords($0, tk) }) { continue }
        // A rendering of a known source term joins its concept; a new source term makes a new concept.
        let candidate = Term(
          language: targetLanguage, text: r.target, status: .candidate, score: r.score, occurrences: r.occurrences,
          seenIn: r.documents, examples: r.examples)
        var id = conceptByKey[sk] ?? ""
        do {
          if id.isEmpty {
            let source = Term(language: sourceLanguage, text: term.source, status: .candidate)
            id = try add(Concept(id: "", terms: [source, candidate]))
          } else {
            try addTerm(candidate, toConcept: id)
          }
        } catch {
          continue
        }
        rowByKey[sk, default: [:]][tk] = (id, r.target, false)
        conceptByKey[sk] = id
        new += 1
      }
    }
    sort()
    return (new, updated, unchanged)
  }

  /// Whether key `whole` contains key `part` on word boundaries.
  static func containsWords(_ whole: [UInt8], _ part: [UInt8]) -> Bool {
    guard !part.isEmpty, part.count <= whole.count else { return part == whole }
    for i in 0...(whole.count - part.count) where whole[i..<(i + part.count)].elementsEqual(part) {
      let before = i == 0 || whole[i - 1] == 0x20
      let after = i + part.count == whole.count || whole[i + part.count] == 0x20
      if before && after { return true }
    }
    return false
  }
}
