import Foundation

extension LookupIndex {
  /// Looks a query up in every language of the glossary (or only `options.language`): exact, then terms
  /// containing it, then terms it contains (longest first, non-overlapping), then fuzzy when nothing matched.
  public func lookup(_ query: String, keys: LookupKeys, options: LookupOptions = LookupOptions()) -> [LookupHit] {
    var raw: [(kind: MatchKind, term: Int, distance: Int?)] = []
    let groups = keyGroups(query, keys: keys, language: options.language)
    let v = view(.terms)
    for (q, langs) in groups {
      q.withUnsafeBufferPointer { qb in
        func add(_ kind: MatchKind, _ k: Int, _ d: Int? = nil) {
          for t in v.terms(ofKey: k) where langs.contains(language(ofTerm: Int(t))) { raw.append((kind, Int(t), d)) }
        }
        let exact = v.find(qb)
        if let k = exact { add(.exact, k) }
        for k in containing(qb, in: v, limit: options.limit * 4) { add(.containing, k) }
        // A query that is a glossary term is not a pasted text: no terms-inside-it tier.
        if exact == nil {
          for k in contained(qb, in: v, maxUnits: maxUnits) { add(.contained, k) }
        }
      }
    }
    if raw.isEmpty && options.fuzzy {
      for (q, langs) in groups {
        // Pinyin: Han typed with the wrong character, or pinyin typed for Han.
        let py = pinyinKey(ofKey: q, keys: keys)
        let pv = view(.pinyin)
        if !py.isEmpty, let k = py.withUnsafeBufferPointer({ pv.find($0) }) {
          for t in pv.terms(ofKey: k) where options.language == nil || langs.contains(language(ofTerm: Int(t))) {
            raw.append((.fuzzy, Int(t), 0))
          }
        }
        for (k, d) in q.withUnsafeBufferPointer({ near($0, in: v) }) {
          for t in v.terms(ofKey: k) where langs.contains(language(ofTerm: Int(t))) { raw.append((.fuzzy, Int(t), d)) }
        }
      }
    }
    // Best kind first; within a kind, the order found (the query's own language first).
    let ordered = raw.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
    var seen = Set<Int>()
    var hits: [LookupHit] = []
    for r in ordered {
      let c = concept(ofTerm: r.term)
      guard seen.insert(c).inserted, let concept = concept(at: c) else { continue }
      // Term ids run through each concept's terms in the order its rows are read back.
      let position = (0..<r.term).reversed().prefix { self.concept(ofTerm: $0) == c }.count
      guard position < concept.terms.count else { continue }
      let matchedTerm = concept.terms[position]
      guard let hit = LookupIndex.hit(
        concept, kind: r.kind, matched: matchedTerm, distance: r.distance, languages: languages, options: options,
        glossary: path, line: line(ofConcept: c))
      else { continue }
      hits.append(hit)
      if hits.count >= options.limit { break }
    }
    return hits
  }

  /// The query's key in each language asked, grouped by key (languages sharing a key are searched once):
  /// the query's guessed language first.
  func keyGroups(_ query: String, keys: LookupKeys, language: String?) -> [(key: [UInt8], languages: Set<Int>)] {
    var asked = Array(languages.indices)
    if let language {
      let base = { (c: String) in String(Glossary.languageKey(c).prefix { $0 != "-" }) }
      asked = asked.filter { Glossary.sameLanguage(languages[$0], language) }
      if asked.isEmpty { asked = languages.indices.filter { base(languages[$0]) == base(language) } }
    } else {
      let guess = LookupIndex.guessLanguage(query)
      if let g = asked.firstIndex(where: { String(Glossary.languageKey(languages[$0]).prefix { $0 != "-" }) == guess }) {
        asked.insert(asked.remove(at: g), at: 0)
      }
    }
    var out: [(key: [UInt8], languages: Set<Int>)] = []
    for l in asked {
      let k = keys.key(query, language: languages[l])
      if k.isEmpty { continue }
      if let i = out.firstIndex(where: { $0.key == k }) { out[i].languages.insert(l) } else { out.append((k, [l])) }
    }
    return out
  }

  /// A hit for a concept: its head source term, the terms to show, nil when the options leave no rendering.
  static func hit(
    _ c: Concept, kind: MatchKind, matched: Term, distance: Int?, languages: [String], options: LookupOptions,
    glossary: String, line: Int
  ) -> LookupHit? {
    let source = languages.first ?? ""
    let head = c.headTerm(in: source) ?? matched
    let target = languages.count > 1 ? languages[1] : source
    let renderings = select(c.terms(in: target), options: options)
    var others: [Term] = []
    for l in languages.dropFirst(2) { others += select(c.terms(in: l), options: options) }
    if renderings.isEmpty && others.isEmpty { return nil }
    let synonyms = select(c.terms(in: source), options: options).filter { $0.text != head.text }
    let tags = c.tags
    return LookupHit(
      kind: kind, glossary: glossary, line: line, conceptID: c.id, source: head.text, matched: matched.text,
      matchedLanguage: matched.language, matchedSource: Glossary.sameLanguage(matched.language, source), distance: distance,
      entries: renderings.map { Glossary.pair(concept: c.id, conceptTags: tags, source: head.text, target: $0) },
      synonyms: synonyms, otherTerms: others, concept: c)
  }

  /// Terms to show, in display order.
  static func select(_ terms: [Term], options: LookupOptions) -> [Term] {
    let statuses = options.statuses ?? [.preferred, .admitted, .superseded, .deprecated]
    var out = terms.filter { statuses.contains($0.status) }
    if let date = options.asOf {
      out = out.filter { t in
        guard t.isValid(on: date) else { return false }
        switch t.status {
        case .preferred, .admitted, .superseded: return true
        case .deprecated: return t.validTo != nil || t.validFrom != nil
        case .candidate, .rejected: return options.statuses != nil
        }
      }
    }
    return out.sorted(by: Term.statusOrder)
  }

  /// `Language.guess(query).code` with its base, without ICU's script calls for the common cases: only
  /// ASCII (Latin letters or none: `en`), or ASCII and Han (``CharacterClass``; Han wins ties: `zh`).
  static func guessLanguage(_ query: String) -> String {
    var han = 0, latin = 0, scalars = 0
    for u in query.unicodeScalars {
      let v = u.value
      scalars += 1
      if scalars > 3000 { break }
      if v < 0x80 {
        if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { latin += 1 }
      } else if CharacterClass.isHan(u) {
        han += 1
      } else {
        scalars = Int.max / 2
        break
      }
    }
    if scalars <= 3000 { return han > 0 && han >= latin ? "zh" : "en" }
    return String(Language.guess(query).code.prefix { $0 != "-" }).lowercased()
  }
}
