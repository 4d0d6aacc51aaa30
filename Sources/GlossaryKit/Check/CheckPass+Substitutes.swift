/// Evidence that a term with no rendering in its aligned target was rendered by other words,
/// read from the glossary itself (no word aligner needed):
/// - another term's rendering in the slot: the aligned target holds a rendering the glossary
///   gives to a different concept whose source term is nowhere in the source document ("the
///   Global Development Initiative" where the source says 一带一路);
/// - a reworded rendering: the term's rendering with one content word replaced by another
///   content word ("policy strategy" for "policy coordination").
extension CheckPass {
  /// A substitute for missing term `c` of span `n`: the target sentence and words, and what
  /// they are (the other concept, or nil for a reworded rendering); nil when there is none.
  /// `taken` holds target places already given to another missing term (sentence, first word);
  /// `links` are the content words the word aligner links the term to (none when it is off).
  mutating func substitute(
    for c: Int, span n: Int, links: [TermEvidence.WordRef], taken: inout Set<[Int]>
  ) -> (sentence: Int, words: ClosedRange<Int>, other: Int?)? {
    if let found = anotherTermsRendering(n, links: links, taken: taken) {
      taken.insert([found.sentence, found.words.lowerBound])
      return found
    }
    if let found = rewordedRendering(c, spans[n], taken: taken) {
      taken.insert([found.sentence, found.words.lowerBound])
      return (found.sentence, found.words, nil)
    }
    return nil
  }

  /// Concepts whose source term (nested ones included) is somewhere in the source document.
  mutating func documentConcepts() -> Set<Int> {
    if let known = inDocument { return known }
    var all = Set<Int>()
    for s in ctx.ss { ctx.source.utf16[s.range].withUnsafeBufferPointer { all.formUnion(index.allSourceConcepts(in: $0)) } }
    inDocument = all
    return all
  }

  /// A rendering in the span's target of a checked concept absent from the whole source
  /// document, sharing no words' rendering with a concept the document has, and long enough to
  /// be a term rather than a common word or a title beside a name (two words or more: not
  /// "President", "US"). When the word aligner links the term to content words, one of them
  /// must be in that rendering.
  private mutating func anotherTermsRendering(_ n: Int, links: [TermEvidence.WordRef], taken: Set<[Int]>) -> (sentence: Int, words: ClosedRange<Int>, other: Int?)? {
    if otherRenderings[n] == nil {
      let inSource = documentConcepts()
      var list: [(sentence: Int, words: ClosedRange<Int>, other: Int?)] = []
      for j in spans[n].target {
        for h in CheckIndex.resolve(tgtRaw[j], index: index) {
          guard !inSource.contains(h.concept), checker.isChecked(h.concept) else { continue }
          let r = rendering(h)
          guard r.words.count > 1 else { continue }
          if checker.concepts(sharing: r.words.loose, or: h.concept).contains(where: inSource.contains) { continue }
          list.append((j, h.words.lowerBound...(h.words.upperBound - 1), h.concept))
        }
      }
      otherRenderings[n] = list
    }
    // When the word aligner links the term to content words, one of them must be in the rendering.
    return otherRenderings[n]!.first { o in
      !taken.contains([o.sentence, o.words.lowerBound])
        && (links.isEmpty || links.contains { $0.sentence == o.sentence && o.words.contains($0.word) })
    }
  }

  /// An approved rendering of `c` of at least ``minRewordedContentWords`` content words found
  /// in the span's target with its head word (the last content word, as in English noun
  /// phrases: "coordination" in "policy coordination") replaced by another content word, every
  /// other word in place. Replacing a modifier ("pandemic prevention and control", "Sino-US
  /// relations") keeps the concept and is left alone, and so is a head that renders a term
  /// nested in this one ("Belt and Road Initiative" for 共建"一带一路").
  private func rewordedRendering(_ c: Int, _ span: SentenceSpan, taken: Set<[Int]>) -> (sentence: Int, words: ClosedRange<Int>)? {
    let keys = index.targetKeys
    let allowed = partWords(c)
    for r in index.concepts[c].renderings where checker.standing(r.entry, at: date) == .approved && !r.entry.isVariantForm {
      let w = r.words
      let content = (0..<w.count).filter { !keys.isFunctionWord(w.loose[$0]) }
      guard content.count >= Self.minRewordedContentWords, let head = content.last else { continue }
      for j in span.target {
        let t = tgtWords[j]
        // A very long sentence is not scanned (the cost would grow with terms x words).
        guard t.count >= w.count, t.count <= Self.maxRewordedScan else { continue }
        for start in 0...(t.count - w.count) where !taken.contains([j, start]) {
          let other = t.loose[start + head]
          guard other != w.loose[head], t.verb[start + head] != w.loose[head], !keys.isFunctionWord(other), !allowed.contains(other)
          else { continue }
          if (0..<w.count).allSatisfy({ k in k == head || t.loose[start + k] == w.loose[k] || t.verb[start + k] == w.loose[k] }) {
            return (j, start...(start + w.count - 1))
          }
        }
      }
    }
    return nil
  }

  /// Content words a rendering needs for a one-word replacement to count as a reworded
  /// rendering: with one, any other word would do.
  static let minRewordedContentWords = 2

  /// Target sentences longer than this many words are not scanned for reworded renderings:
  /// keeps a check linear on one very long sentence (releases' sentences have under 150 words).
  static let maxRewordedScan = 400
}
