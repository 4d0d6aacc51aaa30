extension Glossary {
  /// The glossary with only the terms `keep` accepts; concepts left with no term outside the
  /// source language are dropped (nothing to translate with).
  public func keepingTerms(_ keep: (Term) -> Bool) -> Glossary {
    var g = self
    var kept: [Concept] = []
    kept.reserveCapacity(concepts.count)
    for var c in concepts {
      c.terms = c.terms.filter(keep)
      if c.terms.contains(where: { !Glossary.sameLanguage($0.language, sourceLanguage) }) { kept.append(c) }
    }
    g.setConcepts(kept)
    return g
  }
}

extension Glossary {
  /// The glossary with each term replaced by `transform`'s result (nil drops it); concepts left without
  /// terms are dropped.
  public func mappingTerms(_ transform: (Term) -> Term?) -> Glossary {
    var g = self
    var kept: [Concept] = []
    kept.reserveCapacity(concepts.count)
    for var c in concepts {
      c.terms = c.terms.compactMap(transform)
      if !c.terms.isEmpty { kept.append(c) }
    }
    g.setConcepts(kept)
    return g
  }
}
