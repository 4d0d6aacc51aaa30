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
    var rowByKey: [[UInt8]: [[UInt8]: Int]] = [:]
    var curated = Set<[UInt8]>()
    var curatedTargets: [[UInt8]: [[UInt8]]] = [:]
    for (i, e) in entries.enumerated() {
      let sk = keys.key(e.source, language: sourceLanguage)
      if conceptByKey[sk] == nil { conceptByKey[sk] = e.source }
      let tk = keys.key(e.target, language: targetLanguage)
      rowByKey[sk, default: [:]][tk] = i
      if e.status.isCurated {
        curated.insert(sk)
        curatedTargets[sk, default: []].append(tk)
      }
    }
    var new = 0, updated = 0, unchanged = 0
    for term in terms {
      let sk = keys.key(term.source, language: sourceLanguage)
      let source = conceptByKey[sk] ?? term.source
      for (rank, r) in term.renderings.enumerated() {
        let tk = keys.key(r.target, language: targetLanguage)
        if let i = rowByKey[sk]?[tk] {
          if entries[i].status.isCurated {
            unchanged += 1
            continue
          }
          var e = entries[i]
          e.score = r.score
          e.occurrences = r.occurrences
          e.seenIn = r.documents
          e.examples = r.examples
          if e != entries[i] { entries[i] = e; updated += 1 } else { unchanged += 1 }
          continue
        }
        let minimumShare = curated.contains(sk) ? curatedVariantShare : (rank == 0 ? 0 : variantShare)
        guard r.share >= minimumShare, !(curated.contains(sk) && r.occurrences < 2) else { continue }
        // A piece of a curated rendering ("purposes" of "the purposes and principles of the UN Charter") is no new rendering.
        if let known = curatedTargets[sk], known.contains(where: { Self.containsWords($0, tk) }) { continue }
        entries.append(GlossaryEntry(
          source: source, target: r.target, status: .candidate, score: r.score, occurrences: r.occurrences,
          seenIn: r.documents, examples: r.examples))
        rowByKey[sk, default: [:]][tk] = entries.count - 1
        conceptByKey[sk] = source
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
